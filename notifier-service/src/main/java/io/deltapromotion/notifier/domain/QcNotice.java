package io.deltapromotion.notifier.domain;

import java.util.List;

/**
 * A QcCompleted, as far as alerting needs it.
 *
 * @param status PASS, WARN or FAIL
 * @param findings the checks that did not pass, as "name: message"
 */
public record QcNotice(String eventId, String promotionId, String status, String table, Long version,
    String targetTable, List<String> findings) {}
