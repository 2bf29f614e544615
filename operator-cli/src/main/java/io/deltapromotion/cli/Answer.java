package io.deltapromotion.cli;

import tools.jackson.databind.JsonNode;

/**
 * The promoter's answer to a command.
 *
 * @param status the HTTP status: 202 queued, 200 a dry run's plan, 4xx refused, 5xx unavailable
 * @param body its JSON body: the plan and what the command is about, or {@code {"error": ...}}
 */
record Answer(int status, JsonNode body) {

  boolean accepted() {
    return status == 200 || status == 202;
  }

  boolean dryRun() {
    return body.path("dryRun").asBoolean(false);
  }

  String error() {
    return body.path("error").asString("(no reason given)");
  }

  /** What happened, in one word. */
  String verdict() {
    return status == 202 ? "ACCEPTED" : status == 200 ? (dryRun() ? "DRY RUN" : "OK") : status >= 500 ? "UNAVAILABLE" : "REFUSED";
  }
}
