package io.deltapromotion.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed command line: the command, its JSON body, and how to send it and print the answer.
 *
 * @param command approve, reject, promote or rollback
 * @param body the command's fields (table, release, stage, version, reason), as given
 */
record CliOptions(String command, Map<String, Object> body, boolean dryRun, AnswerFormat output, URI url, String token,
    boolean help) {

  static final String TOKEN_VARIABLE = "PROMOTION_TOKEN";
  static final String TOKEN_FILE_VARIABLE = "PROMOTION_TOKEN_FILE";
  static final String URL_VARIABLE = "PROMOTION_URL";
  static final String DEFAULT_URL = "http://127.0.0.1:8093";

  static final String USAGE = """
      usage: promotion <command> [options]

      commands:
        approve   --table T [--stage S] [--version N] [--reason R]   let a waiting version into a stage
        reject    --table T [--stage S] [--version N] [--reason R]   refuse it; its promotion ends BLOCKED
        promote   (--table T [--version N] | --release TAG) --stage S [--reason R]
                                                                    into the stage now, as one unit
        rollback  --table T --stage S [--version N] [--reason R]    back to the previous good version
                                                                    (or to version N, which it held)
        rebaseline --from SCHEMA [--into SCHEMA] [--tag BASELINE_YYYYMM] [--reason R]
                                                                    clone a baseline into the first stage, for QC
        rebaseline-status                                           progress of the recent rebaselines
        rebuild-release-registry                                    rebuild the Delta audit table from the log
        grants    --principal P [--revoke-from G]...                the Unity Catalog GRANT/REVOKE statements that
                                                                    leave every stage writable by P alone (to run
                                                                    as an administrator; nothing is changed)
        dead-letters list|redrive ...                               what the services rejected; send it back
                                                                    (promotion dead-letters --help)
      options:
        --dry-run                 print the plan; write nothing
        --output text|json|markdown   how to print the answer (default text)
        --url URL                 the promoter (default $PROMOTION_URL, else %s)
        -h, --help                this text

      The operator's token is read from $PROMOTION_TOKEN, else from the file $PROMOTION_TOKEN_FILE names
      (bin/promotion points it at the demo's .stack/operator-token when neither is set). Tables are the ladder's first-stage tables
      (schema.table). Exit status: 0 accepted or planned, 1 refused, 2 usage error, 3 promoter unreachable.
      """.formatted(DEFAULT_URL);

  private static final Set<String> COMMANDS = Set.of("approve", "reject", "promote", "rollback", "rebaseline",
      "rebaseline-status", "rebuild-release-registry", "grants");
  private static final Set<String> FIELDS = Set.of("table", "release", "stage", "version", "reason", "from", "into", "tag",
      "principal");

  static CliOptions parse(String[] args, Map<String, String> environment) {
    List<String> arguments = new ArrayList<>(List.of(args));
    if (arguments.isEmpty() || arguments.contains("-h") || arguments.contains("--help")) {
      return new CliOptions(null, Map.of(), false, AnswerFormat.TEXT, null, null, true);
    }
    String command = arguments.remove(0);
    if (!COMMANDS.contains(command)) {
      throw new IllegalArgumentException("unknown command '" + command + "': approve, reject, promote, rollback, rebaseline, rebaseline-status, "
          + "rebuild-release-registry or grants");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    boolean dryRun = false;
    AnswerFormat output = AnswerFormat.TEXT;
    String url = environment.getOrDefault(URL_VARIABLE, DEFAULT_URL);
    for (int index = 0; index < arguments.size(); index++) {
      String option = arguments.get(index);
      if (option.equals("--dry-run")) {
        dryRun = true;
        continue;
      }
      if (!option.startsWith("--") || index + 1 >= arguments.size()) {
        throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value" : "unexpected '" + option + "'");
      }
      String name = option.substring(2);
      String value = arguments.get(++index);
      switch (name) {
        case "output" -> output = AnswerFormat.parse(value);
        case "url" -> url = value;
        case "version" -> body.put(name, version(value));
        case "revoke-from" -> revokeFrom(body).add(value);
        default -> {
          if (!FIELDS.contains(name)) {
            throw new IllegalArgumentException("unknown option " + option);
          }
          body.put(name, value);
        }
      }
    }
    if (command.equals("grants") && !body.containsKey("principal")) {
      throw new IllegalArgumentException("grants needs --principal, the principal the promoter writes as");
    }
    return new CliOptions(command, body, dryRun, output, uri(url), token(environment), false);
  }

  @SuppressWarnings("unchecked")
  private static List<String> revokeFrom(Map<String, Object> body) {
    return (List<String>) body.computeIfAbsent("revoke-from", key -> new ArrayList<String>());
  }

  /** The query of a {@code grants} request. */
  String grantsQuery() {
    StringBuilder query = new StringBuilder("grants?principal=").append(encode(body.get("principal").toString()));
    Object others = body.getOrDefault("revoke-from", List.of());
    for (Object other : (List<?>) others) {
      query.append("&revoke-from=").append(encode(other.toString()));
    }
    return query.toString();
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String token(Map<String, String> environment) {
    String token = environment.get(TOKEN_VARIABLE);
    if (token != null && !token.isBlank()) {
      return token.strip();
    }
    String file = environment.get(TOKEN_FILE_VARIABLE);
    if (file == null || file.isBlank()) {
      throw new IllegalArgumentException("set " + TOKEN_VARIABLE + " to your operator token (or "
          + TOKEN_FILE_VARIABLE + " to a file holding it)");
    }
    try {
      String fromFile = Files.readString(Path.of(file)).strip();
      if (fromFile.isEmpty()) {
        throw new IllegalArgumentException(TOKEN_FILE_VARIABLE + " names an empty file: " + file);
      }
      return fromFile;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the token file " + file + " (" + TOKEN_FILE_VARIABLE + "): " + e);
    }
  }

  private static long version(String value) {
    try {
      long version = Long.parseLong(value);
      if (version < 0) {
        throw new NumberFormatException();
      }
      return version;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--version must be a table version (0 or more), got '" + value + "'");
    }
  }

  private static URI uri(String url) {
    try {
      URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--url must be an http(s) URL, got '" + url + "'");
    }
  }
}
