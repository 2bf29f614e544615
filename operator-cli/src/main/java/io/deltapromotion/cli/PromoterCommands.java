package io.deltapromotion.cli;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The commands sent to the promoter's {@code /api/v1/commands/...} endpoints, one class each. */
final class PromoterCommands {

  static final String TOKEN_VARIABLE = "PROMOTION_TOKEN";
  static final String TOKEN_FILE_VARIABLE = "PROMOTION_TOKEN_FILE";

  private PromoterCommands() {}

  /** The fields of a command's body in the given order ({@code name, value, name, value...}); absent ones left out. */
  static Map<String, Object> ordered(Object... namesAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int index = 0; index < namesAndValues.length; index += 2) {
      if (namesAndValues[index + 1] != null) {
        fields.put((String) namesAndValues[index], namesAndValues[index + 1]);
      }
    }
    return fields;
  }

  /** A request to the promoter with the operator's token, its answer printed, its verdict the exit status. */
  abstract static class Request implements Callable<Integer> {

    @ParentCommand
    PromotionCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    PromoterOptions promoter;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    abstract Answer exchange(PromoterClient client);

    @Override
    public Integer call() {
      String token = token(root.environment);
      try {
        Answer answer = exchange(new PromoterClient(promoter.url(root.environment), token));
        root.out.print(promoter.output.format(spec.name(), answer));
        return answer.accepted() ? OperatorCli.OK : answer.status() >= 500 ? OperatorCli.UNAVAILABLE : OperatorCli.REFUSED;
      } catch (PromoterClient.UnreachableException e) {
        root.err.println("promotion: " + e.getMessage());
        return OperatorCli.UNAVAILABLE;
      }
    }

    private String token(Map<String, String> environment) {
      String token = environment.get(TOKEN_VARIABLE);
      if (token != null && !token.isBlank()) {
        return token.strip();
      }
      String file = environment.get(TOKEN_FILE_VARIABLE);
      if (file == null || file.isBlank()) {
        throw new ParameterException(spec.commandLine(), "set " + TOKEN_VARIABLE + " to your operator token (or "
            + TOKEN_FILE_VARIABLE + " to a file holding it)");
      }
      try {
        String fromFile = Files.readString(Path.of(file)).strip();
        if (fromFile.isEmpty()) {
          throw new ParameterException(spec.commandLine(), TOKEN_FILE_VARIABLE + " names an empty file: " + file);
        }
        return fromFile;
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(),
            "cannot read the token file " + file + " (" + TOKEN_FILE_VARIABLE + "): " + e);
      }
    }
  }

  /** An order (POST), which may be a dry run and carries the operator's reason. */
  abstract static class Order extends Request {

    @Option(names = "--dry-run", description = "Print the plan; write nothing.")
    boolean dryRun;

    @Option(names = "--reason", paramLabel = "R", description = "Why, recorded with the outcome.")
    String reason;

    abstract Map<String, Object> fields();

    @Override
    Answer exchange(PromoterClient client) {
      Map<String, Object> body = new LinkedHashMap<>(fields());
      if (reason != null) {
        body.put("reason", reason);
      }
      return client.send(spec.name(), body, dryRun);
    }
  }

  /** An order about one table in a stage (approve, reject). */
  abstract static class TableOrder extends Order {

    @Option(names = "--table", paramLabel = "T", required = true, description = "The first-stage table.")
    String table;

    @Option(names = "--stage", paramLabel = "S", description = "The stage it waits for (default: the one it waits for).")
    String stage;

    @Option(names = "--version", paramLabel = "N", converter = PromoterOptions.TableVersion.class,
        description = "The version (default: the one waiting).")
    Long version;

    @Override
    Map<String, Object> fields() {
      return ordered("table", table, "stage", stage, "version", version);
    }
  }

  @Command(name = "approve", description = "Let a waiting version into a stage.")
  static final class Approve extends TableOrder {}

  @Command(name = "reject", description = "Refuse a waiting version; its promotion ends BLOCKED.")
  static final class Reject extends TableOrder {}

  @Command(name = "promote", description = "Into the stage now, as one unit: a table (at a version) or a release.")
  static final class Promote extends Order {

    @Option(names = "--table", paramLabel = "T", description = "The first-stage table.")
    String table;

    @Option(names = "--version", paramLabel = "N", converter = PromoterOptions.TableVersion.class,
        description = "With --table: the version (default: the latest that passed QC).")
    Long version;

    @Option(names = "--release", paramLabel = "TAG", description = "Every table of the release, as one unit.")
    String release;

    @Option(names = "--stage", paramLabel = "S", required = true, description = "The stage to promote into.")
    String stage;

    @Override
    Map<String, Object> fields() {
      if ((table == null) == (release == null) || (release != null && version != null)) {
        throw new ParameterException(spec.commandLine(), "promote needs --table T [--version N] or --release TAG");
      }
      return ordered("table", table, "release", release, "stage", stage, "version", version);
    }
  }

  @Command(name = "rollback", description = "Back to the previous good version (or to version N, which the stage held).")
  static final class Rollback extends Order {

    @Option(names = "--table", paramLabel = "T", required = true, description = "The first-stage table.")
    String table;

    @Option(names = "--stage", paramLabel = "S", required = true, description = "The stage to roll back.")
    String stage;

    @Option(names = "--version", paramLabel = "N", converter = PromoterOptions.TableVersion.class,
        description = "The version to return to (default: the previous good one).")
    Long version;

    @Override
    Map<String, Object> fields() {
      return ordered("table", table, "stage", stage, "version", version);
    }
  }

  @Command(name = "rebaseline", description = "Clone a baseline schema into the first stage, for QC.")
  static final class Rebaseline extends Order {

    @Option(names = "--from", paramLabel = "SCHEMA", required = true, description = "The baseline schema.")
    String from;

    @Option(names = "--into", paramLabel = "SCHEMA", description = "The first-stage schema (default: its first).")
    String into;

    @Option(names = "--tag", paramLabel = "BASELINE_YYYYMM", description = "The tag the versions carry.")
    String tag;

    @Override
    Map<String, Object> fields() {
      return ordered("from", from, "into", into, "tag", tag);
    }
  }

  @Command(name = "rebaseline-status", description = "Progress of the recent rebaselines.")
  static final class RebaselineStatus extends Request {
    @Override
    Answer exchange(PromoterClient client) {
      return client.read("rebaseline");
    }
  }

  @Command(name = "rebuild-release-registry", description = "Rebuild the Delta audit table from the log.")
  static final class RebuildReleaseRegistry extends Order {
    @Override
    Map<String, Object> fields() {
      return Map.of();
    }
  }

  @Command(name = "grants", description = {"The Unity Catalog GRANT/REVOKE statements that leave every stage writable "
      + "by P alone, for an administrator to run; nothing is changed."})
  static final class Grants extends Request {

    @Option(names = "--principal", paramLabel = "P", required = true, description = "The principal the promoter writes as.")
    String principal;

    @Option(names = "--revoke-from", paramLabel = "G", description = "Whom to revoke writes from (repeatable).")
    List<String> revokeFrom = new ArrayList<>();

    @Override
    Answer exchange(PromoterClient client) {
      return client.read(query());
    }

    String query() {
      StringBuilder query = new StringBuilder("grants?principal=").append(encode(principal));
      revokeFrom.forEach(other -> query.append("&revoke-from=").append(encode(other)));
      return query.toString();
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
  }
}
