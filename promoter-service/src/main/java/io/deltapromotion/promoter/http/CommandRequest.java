package io.deltapromotion.promoter.http;

/**
 * The JSON body of an approval or rejection.
 *
 * @param table the table in the ladder's first stage
 * @param stage the stage; optional when only one stage waits for an approval of the table
 * @param version the source version; optional when a hop of the table waits
 * @param reason why, in the operator's words; optional
 */
record CommandRequest(String table, String stage, Long version, String reason) {}
