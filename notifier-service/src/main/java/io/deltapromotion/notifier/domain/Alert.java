package io.deltapromotion.notifier.domain;

/**
 * A message for people about one event.
 *
 * @param eventId the event it is about; one event gives at most one alert per channel
 * @param text the message, in Slack mrkdwn (plain text elsewhere reads fine too)
 */
public record Alert(String eventId, Severity severity, String text) {

  public enum Severity {
    INFO,
    WARNING,
    ERROR
  }
}
