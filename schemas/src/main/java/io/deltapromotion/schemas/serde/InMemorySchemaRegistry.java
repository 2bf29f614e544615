package io.deltapromotion.schemas.serde;

import io.deltapromotion.schemas.compatibility.CompatibilityLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A schema registry in memory, for unit tests, with the Confluent registry's behaviour: one global id
 * per distinct schema, versions per subject, compatibility checked on registration (BACKWARD unless
 * set otherwise). Selected with {@code schema.registry.url=mock://<scope>}; serdes configured with the
 * same scope share one registry.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

  private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

  private final Map<Schema, Integer> idsBySchema = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, List<Schema>> versionsBySubject = new HashMap<>();
  private final Map<String, CompatibilityLevel> compatibilityBySubject = new HashMap<>();

  /** The registry shared by every serde configured with {@code mock://<scope>}. */
  public static InMemorySchemaRegistry forScope(String scope) {
    return SCOPES.computeIfAbsent(scope, key -> new InMemorySchemaRegistry());
  }

  /** Forgets the registry of a scope. */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    List<Schema> versions = versionsBySubject.computeIfAbsent(subject, key -> new ArrayList<>());
    if (!versions.contains(schema)) {
      List<String> violations = compatibilityBySubject.getOrDefault(subject, CompatibilityLevel.BACKWARD)
          .violations(schema, versions);
      if (!violations.isEmpty()) {
        throw new SchemaRegistryException.Incompatible("could not register a schema under subject " + subject
            + ": the registry rejected the schema as incompatible with the subject's earlier versions ("
            + String.join("; ", violations) + ")");
      }
      versions.add(schema);
    }
    return idsBySchema.computeIfAbsent(schema, key -> {
      int id = idsBySchema.size() + 1;
      schemasById.put(id, schema);
      return id;
    });
  }

  @Override
  public synchronized int idOf(String subject, Schema schema) {
    if (!versionsBySubject.getOrDefault(subject, List.of()).contains(schema)) {
      throw new SchemaRegistryException.NotFound("schema " + schema.getFullName() + " is not registered under subject "
          + subject);
    }
    return idsBySchema.get(schema);
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new SchemaRegistryException.NotFound("could not fetch schema id " + id + ": no schema has that id");
    }
    return schema;
  }

  @Override
  public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
    compatibilityBySubject.put(subject, level);
  }

  /** The schemas registered under the subject, oldest first. */
  public synchronized List<Schema> versions(String subject) {
    return List.copyOf(versionsBySubject.getOrDefault(subject, List.of()));
  }
}
