package io.deltapromotion.infrastructure.failure;

import io.deltapromotion.infrastructure.events.RejectedEventException;
import io.deltapromotion.schemas.serde.SchemaRegistryException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Reads an error as bad input or as an outage. An outage anywhere in the chain of causes wins: a record
 * that cannot be decoded because the schema registry is down is not bad input. Bad input is only what is
 * known to be: a rejected event, bytes that are not our Avro, a malformed name or field. Anything else is
 * treated like an outage (kept and retried, reported by health), so nothing valid is ever given up on
 * because of an error nobody foresaw.
 */
public final class Failures {

  private Failures() {}

  public static Failure classify(Throwable error) {
    List<Throwable> chain = chain(error);
    String reason = reason(chain);
    for (Throwable cause : chain) {
      Dependency dependency = outageOf(cause);
      if (dependency != null) {
        return new Failure(Failure.Kind.OUTAGE, dependency, cause.getMessage() == null ? reason : cause.getMessage());
      }
    }
    for (Throwable cause : chain) {
      if (isBadInput(cause)) {
        return new Failure(Failure.Kind.BAD_INPUT, null, reason);
      }
    }
    return new Failure(Failure.Kind.OUTAGE, Dependency.UNKNOWN, reason);
  }

  private static Dependency outageOf(Throwable cause) {
    if (cause instanceof OutageException outage) {
      return outage.dependency();
    }
    if (cause instanceof SchemaRegistryException.Unreachable) {
      return Dependency.SCHEMA_REGISTRY;
    }
    if (cause instanceof RetriableException) {
      return Dependency.BROKER;
    }
    return null;
  }

  private static boolean isBadInput(Throwable cause) {
    return cause instanceof RejectedEventException || cause instanceof DeserializationException
        || cause instanceof SerializationException || cause instanceof SchemaRegistryException
        || cause instanceof IllegalArgumentException || cause instanceof AvroRuntimeException
        || cause instanceof ConversionException;
  }

  private static List<Throwable> chain(Throwable error) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable cause = error; cause != null && !chain.contains(cause); cause = cause.getCause()) {
      chain.add(cause);
    }
    return chain;
  }

  /** The most specific message that is not just a wrapper's. */
  private static String reason(List<Throwable> chain) {
    for (Throwable cause : chain) {
      if (cause.getMessage() != null && !cause.getClass().getName().startsWith("org.springframework.kafka.listener.")) {
        return cause.getMessage();
      }
    }
    return chain.get(chain.size() - 1).getClass().getName();
  }
}
