package io.deltapromotion.notifier.domain;

/**
 * A record some service put on its dead-letter topic, as far as alerting needs it.
 *
 * @param service the service that rejected it
 * @param origin where it came from: {@code topic/partition/offset}, or {@code warehouse:<schema>} for a
 *     table found in the warehouse
 * @param key the record's key (for a table skipped for its name, the name)
 * @param reason why it was rejected
 * @param location where the dead letter itself is, {@code topic/partition/offset}
 */
public record DeadLetterNotice(String service, String origin, String key, String reason, String location) {}
