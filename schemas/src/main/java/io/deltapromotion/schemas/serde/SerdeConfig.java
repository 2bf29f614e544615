package io.deltapromotion.schemas.serde;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's configuration, read from the Kafka client properties under the same keys Confluent's
 * {@code KafkaAvroSerializer}/{@code KafkaAvroDeserializer} use, so one can replace the other by
 * changing only the serializer class names.
 *
 * @param registryUrls {@code schema.registry.url}: one or more base URLs, comma-separated, tried in
 *     order; {@code mock://<scope>} selects an in-memory registry shared within the JVM (tests). Kept
 *     without their user info, which goes to {@code credentials} or nowhere: these URLs appear in
 *     errors, and errors reach logs, dead-letter headers and HTTP answers
 * @param autoRegisterSchemas {@code auto.register.schemas} (default true): register the writer schema,
 *     or only look up its id and fail if it is not registered
 * @param credentials basic-auth {@code user:password}, from {@code basic.auth.user.info}
 *     ({@code basic.auth.credentials.source=USER_INFO}, the default) or from the URL's user info
 *     ({@code basic.auth.credentials.source=URL})
 * @param specificReader {@code specific.avro.reader} (default false): decode into the generated
 *     class of the writer schema's name, instead of a GenericRecord
 * @param specificReaderType {@code specific.avro.value.type} / {@code specific.avro.key.type}: decode
 *     into this generated class, whatever the writer schema's name
 */
public record SerdeConfig(
    List<URI> registryUrls,
    boolean autoRegisterSchemas,
    Optional<String> credentials,
    boolean specificReader,
    Optional<String> specificReaderType) {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

  /** The only subject naming this serde implements: {@code <topic>-key} / {@code <topic>-value}. */
  static final List<String> TOPIC_NAME_STRATEGY = List.of(
      "io.confluent.kafka.serializers.subject.TopicNameStrategy", "TopicNameStrategy");

  public static SerdeConfig parse(Map<String, ?> configs, boolean isKey) {
    List<URI> urls = urls(configs);
    String source = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE).orElse("USER_INFO");
    Optional<String> credentials = switch (source) {
      case "USER_INFO" -> string(configs, BASIC_AUTH_USER_INFO).filter(info -> !info.isBlank());
      case "URL" -> Optional.ofNullable(urls.get(0).getUserInfo());
      default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source,
          "supported sources are USER_INFO and URL");
    };
    if (credentials.isPresent() && !credentials.get().contains(":")) {
      throw new ConfigException(BASIC_AUTH_USER_INFO, "(hidden)", "expected user:password");
    }
    String strategyKey = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
    string(configs, strategyKey).filter(strategy -> !TOPIC_NAME_STRATEGY.contains(strategy)).ifPresent(strategy -> {
      throw new ConfigException(strategyKey, strategy, "only TopicNameStrategy (<topic>-key / <topic>-value) is supported");
    });
    return new SerdeConfig(
        urls.stream().map(SerdeConfig::withoutUserInfo).toList(),
        bool(configs, AUTO_REGISTER_SCHEMAS, true),
        credentials,
        bool(configs, SPECIFIC_AVRO_READER, false),
        string(configs, isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE).filter(type -> !type.isBlank()));
  }

  private static List<URI> urls(Map<String, ?> configs) {
    Object raw = configs.get(SCHEMA_REGISTRY_URL);
    List<String> values = raw instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : raw == null ? List.of() : Arrays.asList(String.valueOf(raw).split(","));
    List<URI> urls = values.stream().map(String::trim).filter(url -> !url.isEmpty()).map(url -> {
      try {
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (!List.of("http", "https", "mock").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
          throw new IllegalArgumentException("expected http(s)://host[:port][/path] or mock://scope");
        }
        return uri;
      } catch (IllegalArgumentException e) {
        throw new ConfigException(SCHEMA_REGISTRY_URL, url.replaceAll("//[^/@]*@", "//(user info hidden)@"),
            e.getMessage());
      }
    }).toList();
    if (urls.isEmpty()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL + " is required: the base URL of a Confluent-API schema registry "
          + "(e.g. http://127.0.0.1:8081/apis/ccompat/v7), or mock://<scope> in tests");
    }
    return urls;
  }

  private static URI withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri;
    }
    try {
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, "(user info hidden)", e.getMessage());
    }
  }

  private static Optional<String> string(Map<String, ?> configs, String key) {
    Object value = configs.get(key);
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(value instanceof org.apache.kafka.common.config.types.Password password
        ? password.value() : value instanceof Class<?> type ? type.getName() : String.valueOf(value).trim());
  }

  private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
    Optional<String> value = string(configs, key);
    if (value.isEmpty()) {
      return fallback;
    }
    return switch (value.get().toLowerCase()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException(key, value.get(), "expected true or false");
    };
  }
}
