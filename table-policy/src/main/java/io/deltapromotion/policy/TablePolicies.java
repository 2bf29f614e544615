package io.deltapromotion.policy;

import io.deltapromotion.infrastructure.warehouse.TableName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The validated policy file: which rules apply to a table and which release it belongs to. Each rule of
 * a table comes from the most specific entry that sets it: the table's own entry, its schema's entry
 * ({@code schema.*}), the file's defaults, then the built-in default ({@link TablePolicy#DEFAULT}).
 */
public final class TablePolicies {

  /** No file: every table gets the built-in defaults and no release. */
  public static final TablePolicies NONE = new TablePolicies(PolicyEntry.NONE, List.of(), Map.of());

  private final PolicyEntry defaults;
  private final List<PolicyEntry> entries;
  private final Map<TableMatch, String> releases;

  TablePolicies(PolicyEntry defaults, List<PolicyEntry> entries, Map<TableMatch, String> releases) {
    this.defaults = defaults;
    this.entries = List.copyOf(entries);
    this.releases = Map.copyOf(releases);
  }

  public TablePolicy policyFor(TableName table) {
    List<PolicyEntry> chain = Stream.concat(
        Stream.of(entry(table, true), entry(table, false)).flatMap(Optional::stream),
        Stream.of(defaults)).toList();
    TablePolicy fallback = TablePolicy.DEFAULT;
    return new TablePolicy(
        first(chain, PolicyEntry::keyColumns, fallback.keyColumns()),
        first(chain, PolicyEntry::drift, fallback.drift()),
        first(chain, PolicyEntry::minRowCount, fallback.minRowCount()),
        first(chain, PolicyEntry::breakingChanges, fallback.breakingChanges()),
        first(chain, PolicyEntry::checks, fallback.checks()));
  }

  /** The release the table belongs to: named with the table itself, else with its schema. */
  public Optional<String> releaseOf(TableName table) {
    return releases.entrySet().stream()
        .filter(release -> release.getKey().matches(table))
        .min((a, b) -> Boolean.compare(b.getKey().isTable(), a.getKey().isTable()))
        .map(Map.Entry::getValue);
  }

  /** How many table and schema entries the file has. */
  public int size() {
    return entries.size();
  }

  private Optional<PolicyEntry> entry(TableName table, boolean exact) {
    return entries.stream().filter(entry -> entry.match().isTable() == exact && entry.match().matches(table)).findFirst();
  }

  private static <T> T first(List<PolicyEntry> chain, Function<PolicyEntry, T> field, T fallback) {
    return chain.stream().map(field).filter(value -> value != null).findFirst().orElse(fallback);
  }
}
