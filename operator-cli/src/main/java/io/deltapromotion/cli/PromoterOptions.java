package io.deltapromotion.cli;

import java.net.URI;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How a command reaches the promoter and prints its answer. */
final class PromoterOptions {

  static final String URL_VARIABLE = "PROMOTION_URL";
  static final String DEFAULT_URL = "http://127.0.0.1:8093";

  @Option(names = "--url", paramLabel = "URL", converter = HttpUrl.class,
      description = "The promoter (default $PROMOTION_URL, else " + DEFAULT_URL + ").")
  URI url;

  @Option(names = "--output", paramLabel = "text|json|markdown", converter = Format.class, defaultValue = "text",
      description = "How to print the answer (default ${DEFAULT-VALUE}).")
  AnswerFormat output;

  URI url(Map<String, String> environment) {
    return url != null ? url : new HttpUrl().convert(environment.getOrDefault(URL_VARIABLE, DEFAULT_URL));
  }

  static final class HttpUrl implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      try {
        URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
          return uri;
        }
      } catch (IllegalArgumentException notAUri) {
        // said below
      }
      throw new TypeConversionException("--url must be an http(s) URL, got '" + value + "'");
    }
  }

  static final class Format implements ITypeConverter<AnswerFormat> {
    @Override
    public AnswerFormat convert(String value) {
      try {
        return AnswerFormat.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A table version: 0 or more. */
  static final class TableVersion implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        long version = Long.parseLong(value);
        if (version >= 0) {
          return version;
        }
      } catch (NumberFormatException notANumber) {
        // said below
      }
      throw new TypeConversionException("--version must be a table version (0 or more), got '" + value + "'");
    }
  }
}
