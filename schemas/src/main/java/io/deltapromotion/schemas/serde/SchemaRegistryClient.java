package io.deltapromotion.schemas.serde;

import io.deltapromotion.schemas.compatibility.CompatibilityLevel;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the serde needs. Implementations cache: a schema is
 * registered or looked up once per subject, and fetched once per id.
 */
public interface SchemaRegistryClient {

  /**
   * Registers the schema under the subject (a no-op returning the existing id when it is already
   * registered there).
   *
   * @throws SchemaRegistryException.Incompatible if the subject's compatibility rule rejects it
   */
  int register(String subject, Schema schema);

  /**
   * The id of a schema already registered under the subject.
   *
   * @throws SchemaRegistryException.NotFound if it is not registered there
   */
  int idOf(String subject, Schema schema);

  /**
   * The schema with this id.
   *
   * @throws SchemaRegistryException.NotFound if the registry has no schema with this id
   */
  Schema schemaById(int id);

  /** Sets the compatibility rule the registry enforces for new versions of the subject. */
  void setCompatibility(String subject, CompatibilityLevel level);
}
