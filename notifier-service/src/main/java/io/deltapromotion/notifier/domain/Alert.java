package io.deltapromotion.notifier.domain;

/**
 * A message for people about one thing that happened.
 *
 * @param key what it is about, the same however often that thing is seen (e.g. {@code promotion:<event
 *     id>}): one key gives at most one delivery per channel
 * @param text the message, in Slack mrkdwn (plain text elsewhere reads fine too)
 */
public record Alert(String key, Severity severity, String text) {

  public enum Severity {
    INFO,
    WARNING,
    ERROR
  }
}
