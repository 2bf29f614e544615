package io.deltapromotion.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** How the answer is printed: for people (text), for scripts (JSON), for tickets and chat (markdown). */
enum AnswerFormat {
  TEXT {
    @Override
    String format(String command, Answer answer) {
      StringBuilder text = new StringBuilder(answer.verdict()).append(' ').append(command);
      if (!answer.accepted()) {
        return text.append(" (HTTP ").append(answer.status()).append("): ").append(answer.error()).append('\n').toString();
      }
      answer.body().path("commandId").asOptional().ifPresent(id -> text.append(" (command ").append(id.asString()).append(')'));
      text.append('\n');
      for (JsonNode run : answer.body().path("rebaselines")) {
        text.append("  ").append(progress(run)).append('\n');
        run.path("failed").forEach(failure -> text.append("    failed: ").append(failure.asString()).append('\n'));
      }
      if (answer.body().has("plan")) {
        text.append("  ").append(answer.body().path("plan").asString()).append('\n');
      }
      for (Map.Entry<String, String> field : fields(answer)) {
        text.append("  ").append(field.getKey()).append(": ").append(field.getValue()).append('\n');
      }
      for (JsonNode statement : answer.body().path("statements")) {
        text.append(statement.asString()).append('\n');
      }
      for (JsonNode step : answer.body().path("steps")) {
        text.append("  - ").append(step.path("table").asString()).append(" v").append(step.path("version").asString())
            .append(" -> ").append(step.path("target").asString())
            .append(!step.has("targetHolds") ? "" : step.path("targetHolds").isNull() ? " (holds nothing)"
                : " (holds v" + step.path("targetHolds").asString() + ")")
            .append(": ").append(step.path("action").asString()).append('\n');
      }
      return text.toString();
    }
  },
  JSON {
    @Override
    String format(String command, Answer answer) {
      ObjectNode printed = MAPPER.createObjectNode().put("command", command).put("httpStatus", answer.status())
          .put("outcome", answer.verdict().toLowerCase(Locale.ROOT).replace(' ', '-'));
      printed.set("answer", answer.body());
      return MAPPER.writeValueAsString(printed) + "\n";
    }
  },
  MARKDOWN {
    @Override
    String format(String command, Answer answer) {
      StringBuilder markdown = new StringBuilder("### `").append(command).append("`: ").append(answer.verdict()).append("\n\n");
      if (!answer.accepted()) {
        return markdown.append("> ").append(answer.error()).append(" (HTTP ").append(answer.status()).append(")\n").toString();
      }
      if (answer.body().has("rebaselines")) {
        markdown.append("| rebaseline | progress |\n|---|---|\n");
        for (JsonNode run : answer.body().path("rebaselines")) {
          markdown.append("| `").append(run.path("tag").asString()).append("` | ").append(cell(progress(run))).append(" |\n");
        }
        return markdown.toString();
      }
      markdown.append(answer.body().path("plan").asString()).append("\n\n| field | value |\n|---|---|\n");
      answer.body().path("commandId").asOptional()
          .ifPresent(id -> markdown.append("| command | `").append(id.asString()).append("` |\n"));
      for (Map.Entry<String, String> field : fields(answer)) {
        markdown.append("| ").append(field.getKey()).append(" | ").append(cell(field.getValue())).append(" |\n");
      }
      if (!answer.body().path("statements").isEmpty()) {
        markdown.append("\n```sql\n");
        answer.body().path("statements").forEach(statement -> markdown.append(statement.asString()).append('\n'));
        markdown.append("```\n");
      }
      if (!answer.body().path("steps").isEmpty()) {
        markdown.append("\n| table | version | target | holds now | action |\n|---|---|---|---|---|\n");
        for (JsonNode step : answer.body().path("steps")) {
          markdown.append("| `").append(step.path("table").asString()).append("` | ").append(step.path("version").asString())
              .append(" | `").append(step.path("target").asString()).append("` | ")
              .append(step.path("targetHolds").isNull() ? "–" : step.path("targetHolds").asString()).append(" | ")
              .append(cell(step.path("action").asString())).append(" |\n");
        }
      }
      return markdown.toString();
    }
  };

  private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final List<String> SKIPPED = List.of("plan", "commandId", "steps", "dryRun", "rebaselines", "statements");

  abstract String format(String command, Answer answer);

  static AnswerFormat parse(String value) {
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--output must be text, json or markdown, got '" + value + "'");
    }
  }

  /** The answer's other fields (action, table, stage, version, actor...), in the promoter's order. */
  private static List<Map.Entry<String, String>> fields(Answer answer) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : answer.body().properties()) {
      if (!SKIPPED.contains(field.getKey())) {
        JsonNode value = field.getValue();
        fields.add(Map.entry(field.getKey(), value.isNull() ? "–" : value.isValueNode() ? value.asString() : value.toString()));
      }
    }
    return fields;
  }

  /** One rebaseline's progress in words: {@code BASELINE_202611 into pp: 3 of 12 table(s) done, 1 failed, running}. */
  private static String progress(JsonNode run) {
    return run.path("tag").asString() + " into " + run.path("into").asString() + " (by " + run.path("actor").asString()
        + "): " + run.path("done").asString() + " of " + run.path("of").asString() + " table(s) done, "
        + run.path("failed").size() + " failed, " + (run.path("finishedAt").isNull() || run.path("finishedAt").isMissingNode() ? "running" : "finished");
  }

  private static String cell(String value) {
    return value.replace("|", "\\|").replace("\n", " ");
  }
}
