package io.deltapromotion.registry;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/** How {@code bin/registry} prints the entries: a plain-text table, JSON for scripts, Markdown for tickets. */
public enum RegistryFormat {
  TEXT {
    @Override
    public String render(List<RegistryEntry> entries) {
      return RegistryTable.format(entries);
    }
  },
  JSON {
    @Override
    public String render(List<RegistryEntry> entries) {
      return MAPPER.writeValueAsString(entries) + System.lineSeparator();
    }
  },
  MARKDOWN {
    @Override
    public String render(List<RegistryEntry> entries) {
      return RegistryTable.markdown(entries);
    }
  };

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  public abstract String render(List<RegistryEntry> entries);

  static RegistryFormat parse(String value) {
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--output must be text, json or markdown, got '" + value + "'");
    }
  }
}
