package io.deltapromotion.schemas.serde;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro
 * binary encoding of the record.
 */
final class WireFormat {

  static final byte MAGIC_BYTE = 0;
  static final int HEADER_LENGTH = 1 + Integer.BYTES;

  private WireFormat() {}

  static void writeHeader(ByteBuffer buffer, int schemaId) {
    buffer.put(MAGIC_BYTE).putInt(schemaId);
  }

  /** The schema id of a wire-format payload, or an error saying why the bytes are not one. */
  static int schemaId(String topic, byte[] payload) {
    if (payload.length < HEADER_LENGTH) {
      throw new SerializationException("record on topic " + topic + " is not in the Confluent wire format: "
          + payload.length + " bytes is shorter than the 5-byte header (magic byte 0 + 4-byte schema id)");
    }
    if (payload[0] != MAGIC_BYTE) {
      throw new SerializationException("record on topic " + topic + " is not in the Confluent wire format: "
          + "the first byte is 0x" + String.format("%02x", payload[0]) + ", expected the magic byte 0x00"
          + describe(payload));
    }
    return ByteBuffer.wrap(payload, 1, Integer.BYTES).getInt();
  }

  private static String describe(byte[] payload) {
    if (payload[0] == '{' || payload[0] == '[') {
      String start = new String(payload, 0, Math.min(payload.length, 40), StandardCharsets.UTF_8);
      return " (it starts like JSON: '" + start + "...'; was it written without the Avro serializer?)";
    }
    return "";
  }
}
