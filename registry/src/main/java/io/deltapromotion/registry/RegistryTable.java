package io.deltapromotion.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Formats the registry as a plain-text table, or as a Markdown one. */
public final class RegistryTable {

  private record ColumnSpec(String header, Function<RegistryEntry, Object> value) {}

  private static final List<ColumnSpec> COLUMNS = List.of(
      new ColumnSpec("SOURCE TABLE", RegistryEntry::sourceTable),
      new ColumnSpec("PRE-PROD", RegistryEntry::preprodVersion),
      new ColumnSpec("CHANGE", RegistryEntry::changeCategory),
      new ColumnSpec("TARGET TABLE", RegistryEntry::targetTable),
      new ColumnSpec("TARGET", RegistryEntry::prodVersion),
      new ColumnSpec("STAGES", RegistryEntry::stages),
      new ColumnSpec("QC", entry -> entry.qcStatus() == null ? null : entry.qcStatus() + version(entry.qcVersion())),
      new ColumnSpec("PROMOTION", entry -> entry.promotionStatus() == null ? null
          : entry.promotionStatus() + version(entry.promotionVersion())),
      new ColumnSpec("RELEASE", RegistryEntry::releaseTag));

  private RegistryTable() {}

  public static String format(List<RegistryEntry> entries) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(COLUMNS.stream().map(ColumnSpec::header).toList());
    for (RegistryEntry entry : entries) {
      rows.add(COLUMNS.stream().map(column -> Objects.toString(column.value().apply(entry), "-")).toList());
    }
    int[] widths = new int[COLUMNS.size()];
    rows.forEach(row -> {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    });
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        out.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }

  /** The same columns as a Markdown table; a {@code |} in a value is escaped. */
  public static String markdown(List<RegistryEntry> entries) {
    StringBuilder out = new StringBuilder();
    out.append(markdownRow(COLUMNS.stream().map(ColumnSpec::header).toList()));
    out.append(markdownRow(COLUMNS.stream().map(column -> "---").toList()));
    for (RegistryEntry entry : entries) {
      out.append(markdownRow(COLUMNS.stream()
          .map(column -> Objects.toString(column.value().apply(entry), "-").replace("|", "\\|")).toList()));
    }
    return out.toString();
  }

  private static String markdownRow(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |" + System.lineSeparator();
  }

  private static String version(Long version) {
    return version == null ? "" : " (v" + version + ")";
  }
}
