package io.deltapromotion.policy;

import io.deltapromotion.infrastructure.warehouse.Identifier;
import io.deltapromotion.infrastructure.warehouse.SqlExpression;
import io.deltapromotion.policy.InvalidPolicyException.PolicyError;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a policy file and validates every field, collecting all errors (line, field, what is wrong)
 * before failing, so one start-up attempt shows everything to fix. Unknown keys are errors: a
 * misspelt rule must not be silently ignored.
 */
public final class PolicyFileReader {

  private static final Pattern RELEASE_TAG = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%?");
  private static final Set<String> RULE_KEYS = Set.of("drift", "min-row-count", "breaking-changes");
  private static final Set<String> ENTRY_KEYS = Set.of("match", "key-columns", "drift", "min-row-count",
      "breaking-changes", "checks");
  private static final Set<String> CHECK_KEYS = Set.of("name", "condition", "metric", "severity", "max-violations",
      "min", "max");

  private final String source;
  private final List<PolicyError> errors = new ArrayList<>();

  private PolicyFileReader(String source) {
    this.source = source;
  }

  /**
   * @param source the file's name, for messages
   * @throws InvalidPolicyException listing every error
   */
  public static TablePolicies read(String source, String yaml) {
    return new PolicyFileReader(source).parse(yaml);
  }

  private TablePolicies parse(String yaml) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      throw new InvalidPolicyException(source, List.of(new PolicyError(line, "(file)", "not valid YAML: " + e.getProblem())));
    } catch (YAMLException e) {
      throw new InvalidPolicyException(source, List.of(new PolicyError(1, "(file)", "not valid YAML: " + e.getMessage())));
    }
    if (root == null) {
      return TablePolicies.NONE;
    }
    Map<String, Node> top = mapping(root, "(file)", Set.of("defaults", "tables", "releases"));
    PolicyEntry defaults = top.containsKey("defaults") ? rules(top.get("defaults"), "defaults") : PolicyEntry.NONE;
    List<PolicyEntry> entries = top.containsKey("tables") ? entries(top.get("tables")) : List.of();
    Map<TableMatch, String> releases = top.containsKey("releases") ? releases(top.get("releases")) : Map.of();
    if (!errors.isEmpty()) {
      throw new InvalidPolicyException(source, errors);
    }
    return new TablePolicies(defaults, entries, releases);
  }

  private PolicyEntry rules(Node node, String field) {
    Map<String, Node> rules = mapping(node, field, RULE_KEYS);
    return new PolicyEntry(null, null, drift(rules.get("drift"), field + ".drift"),
        minRowCount(rules.get("min-row-count"), field + ".min-row-count"),
        breakingChanges(rules.get("breaking-changes"), field + ".breaking-changes"), null);
  }

  private List<PolicyEntry> entries(Node node) {
    List<PolicyEntry> entries = new ArrayList<>();
    Set<TableMatch> seen = new HashSet<>();
    List<Node> items = sequence(node, "tables");
    for (int i = 0; i < items.size(); i++) {
      String field = "tables[" + i + "]";
      Map<String, Node> entry = mapping(items.get(i), field, ENTRY_KEYS);
      if (!entry.containsKey("match")) {
        error(items.get(i), field + ".match", "is missing: say which table (schema.table) or schema (schema.*) this entry is for");
        continue;
      }
      TableMatch match = parsed(entry.get("match"), field + ".match", TableMatch::parse);
      if (match != null && !seen.add(match)) {
        error(entry.get("match"), field + ".match", match + " already has an entry above; merge the two");
      }
      entries.add(new PolicyEntry(match, keyColumns(entry.get("key-columns"), field + ".key-columns"),
          drift(entry.get("drift"), field + ".drift"), minRowCount(entry.get("min-row-count"), field + ".min-row-count"),
          breakingChanges(entry.get("breaking-changes"), field + ".breaking-changes"),
          checks(entry.get("checks"), field + ".checks")));
    }
    return entries;
  }

  private List<Identifier> keyColumns(Node node, String field) {
    if (node == null) {
      return null;
    }
    List<Identifier> columns = new ArrayList<>();
    List<Node> items = sequence(node, field);
    for (int i = 0; i < items.size(); i++) {
      Identifier column = parsed(items.get(i), field + "[" + i + "]", Identifier::of);
      if (column != null && columns.stream().anyMatch(c -> c.value().equalsIgnoreCase(column.value()))) {
        error(items.get(i), field + "[" + i + "]", "column " + column + " is listed twice");
      } else if (column != null) {
        columns.add(column);
      }
    }
    return columns;
  }

  private DriftThresholds drift(Node node, String field) {
    if (node == null) {
      return null;
    }
    Map<String, Node> drift = mapping(node, field, Set.of("warn-above", "fail-above"));
    Double warn = percent(drift.get("warn-above"), field + ".warn-above", DriftThresholds.DEFAULT.warnAbovePercent());
    Double fail = percent(drift.get("fail-above"), field + ".fail-above", DriftThresholds.DEFAULT.failAbovePercent());
    return parsed(node, field, ignored -> new DriftThresholds(warn, fail), "");
  }

  private Double percent(Node node, String field, Double absent) {
    if (node == null) {
      return absent;
    }
    String text = scalar(node, field);
    if (text == null) {
      return null;
    }
    if (text.equalsIgnoreCase("none")) {
      return null;
    }
    var matcher = PERCENT.matcher(text.strip());
    if (!matcher.matches()) {
      error(node, field, "must be a percentage like 10% (or none), got '" + text + "'");
      return null;
    }
    return Double.valueOf(matcher.group(1));
  }

  private Long minRowCount(Node node, String field) {
    if (node == null) {
      return null;
    }
    Long count = parsed(node, field, Long::valueOf);
    if (count != null && count < 0) {
      error(node, field, "must be 0 or more, got " + count);
    }
    return count;
  }

  private BreakingChanges breakingChanges(Node node, String field) {
    return node == null ? null : choice(node, field, BreakingChanges.class);
  }

  private List<CustomCheck> checks(Node node, String field) {
    if (node == null) {
      return null;
    }
    List<CustomCheck> checks = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<Node> items = sequence(node, field);
    for (int i = 0; i < items.size(); i++) {
      CustomCheck check = check(items.get(i), field + "[" + i + "]");
      if (check != null && !names.add(check.name())) {
        error(items.get(i), field + "[" + i + "].name", "another check of this entry is already named " + check.name());
      } else if (check != null) {
        checks.add(check);
      }
    }
    return checks;
  }

  private CustomCheck check(Node node, String field) {
    Map<String, Node> check = mapping(node, field, CHECK_KEYS);
    int before = errors.size();
    String name = check.containsKey("name") ? scalar(check.get("name"), field + ".name") : null;
    if (name == null) {
      error(node, field + ".name", "is missing: every check needs a name (lower case, e.g. no_negative_amounts)");
    }
    boolean condition = check.containsKey("condition");
    boolean metric = check.containsKey("metric");
    if (condition == metric) {
      error(node, field, "needs exactly one of condition (a row-level boolean) or metric (an aggregate expression)");
      return null;
    }
    String kind = condition ? "condition" : "metric";
    SqlExpression expression = parsed(check.get(kind), field + "." + kind, SqlExpression::parse);
    if (expression != null && condition && expression.isAggregate()) {
      error(check.get(kind), field + ".condition", "is checked on every row, so it cannot call "
          + expression.aggregateCalls() + "; use a metric for aggregates");
    }
    if (expression != null && metric && !expression.isAggregate()) {
      error(check.get(kind), field + ".metric", "must aggregate the rows (COUNT, SUM, AVG, MIN, MAX, ...); "
          + "use a condition for a rule every row must satisfy");
    }
    Severity severity = check.containsKey("severity") ? choice(check.get("severity"), field + ".severity", Severity.class)
        : Severity.FAIL;
    if (condition && (check.containsKey("min") || check.containsKey("max"))) {
      error(node, field, "min and max apply to a metric; a condition takes max-violations");
    }
    if (metric && check.containsKey("max-violations")) {
      error(node, field, "max-violations applies to a condition; a metric takes min and max");
    }
    Long maxViolations = check.containsKey("max-violations")
        ? parsed(check.get("max-violations"), field + ".max-violations", Long::valueOf) : Long.valueOf(0);
    Double min = check.containsKey("min") ? parsed(check.get("min"), field + ".min", Double::valueOf) : null;
    Double max = check.containsKey("max") ? parsed(check.get("max"), field + ".max", Double::valueOf) : null;
    if (errors.size() > before) {
      return null;
    }
    return parsed(node, field, ignored -> condition
        ? CustomCheck.condition(name, expression, severity, maxViolations)
        : CustomCheck.metric(name, expression, severity, min, max), "");
  }

  private Map<TableMatch, String> releases(Node node) {
    Map<TableMatch, String> releases = new LinkedHashMap<>();
    MappingNode mapping = node instanceof MappingNode m ? m : null;
    if (mapping == null) {
      error(node, "releases", "must map each release tag to the tables it groups, e.g. 2025Q4_R1: [dap_silver_pp.author_profile]");
      return releases;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      String tag = scalar(tuple.getKeyNode(), "releases");
      if (tag == null) {
        continue;
      }
      String field = "releases." + tag;
      if (!RELEASE_TAG.matcher(tag).matches()) {
        error(tuple.getKeyNode(), field, "a release tag is 1-128 letters, digits, '_', '.' or '-'");
      }
      List<Node> tables = sequence(tuple.getValueNode(), field);
      for (int i = 0; i < tables.size(); i++) {
        TableMatch match = parsed(tables.get(i), field + "[" + i + "]", TableMatch::parse);
        if (match != null && releases.containsKey(match)) {
          error(tables.get(i), field + "[" + i + "]", match + " is already in release " + releases.get(match)
              + "; a table belongs to one release");
        } else if (match != null) {
          releases.put(match, tag);
        }
      }
    }
    return releases;
  }

  private Map<String, Node> mapping(Node node, String field, Set<String> allowed) {
    Map<String, Node> values = new LinkedHashMap<>();
    if (!(node instanceof MappingNode mapping)) {
      error(node, field, "must be a mapping of " + sorted(allowed));
      return values;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(tuple.getKeyNode(), field);
      if (key == null) {
        continue;
      }
      if (!allowed.contains(key)) {
        error(tuple.getKeyNode(), field + "." + key, "is not a known key; expected one of " + sorted(allowed));
      } else if (values.put(key, tuple.getValueNode()) != null) {
        error(tuple.getKeyNode(), field + "." + key, "is given twice");
      }
    }
    return values;
  }

  private List<Node> sequence(Node node, String field) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    error(node, field, "must be a list");
    return List.of();
  }

  private String scalar(Node node, String field) {
    if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
      return scalar.getValue();
    }
    error(node, field, node instanceof ScalarNode ? "has no value" : "must be a single value, not a list or mapping");
    return null;
  }

  private <E extends Enum<E>> E choice(Node node, String field, Class<E> type) {
    String text = scalar(node, field);
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> options = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
      error(node, field, "must be one of " + options + ", got '" + text + "'");
      return null;
    }
  }

  private <T> T parsed(Node node, String field, Function<String, T> parser) {
    String text = scalar(node, field);
    return text == null ? null : parsed(node, field, parser, text.strip());
  }

  /** Applies the parser; its IllegalArgumentException becomes an error at the node. */
  private <T> T parsed(Node node, String field, Function<String, T> parser, String text) {
    try {
      return parser.apply(text);
    } catch (NumberFormatException e) {
      error(node, field, "must be a number, got '" + text + "'");
    } catch (IllegalArgumentException e) {
      error(node, field, e.getMessage());
    }
    return null;
  }

  private void error(Node node, String field, String message) {
    errors.add(new PolicyError(node == null ? 1 : node.getStartMark().getLine() + 1, field, message));
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }
}
