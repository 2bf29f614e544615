package io.deltapromotion.promoter.http;

/**
 * The JSON body of an operator's command; which fields each command reads is in its endpoint.
 *
 * @param table the table in the ladder's first stage
 * @param release a release tag (promote only, instead of table)
 * @param stage the stage the command is about
 * @param version the source version; what it defaults to depends on the command
 * @param reason why, in the operator's words; optional
 */
record CommandRequest(String table, String release, String stage, Long version, String reason) {

  String requireStage() {
    if (stage == null || stage.isBlank()) {
      throw new IllegalArgumentException("stage is missing");
    }
    return stage;
  }
}
