package io.deltapromotion.notifier.domain;

import java.util.Optional;

/**
 * Which events people hear about: every BLOCKED, FAILED and ROLLED_BACK promotion and every repaired
 * clone (PROMOTED with a note from the clone health check); a promotion waiting
 * for an approval (someone has to give it), but not one waiting for its soak time to pass; PROMOTED
 * ones when asked for; QC warnings when asked for (a QC failure is announced once, by its BLOCKED
 * promotion); every dead letter. Each alert's key names what it is about: a promotion outcome by its
 * event, a QC warning by its promotion and version (one warning per version, however often it is
 * reported), a dead letter by its service and origin.
 */
public final class AlertPolicy {

  private final boolean notifyOnPromoted;
  private final boolean notifyOnQcWarn;

  public AlertPolicy(boolean notifyOnPromoted, boolean notifyOnQcWarn) {
    this.notifyOnPromoted = notifyOnPromoted;
    this.notifyOnQcWarn = notifyOnQcWarn;
  }

  public Optional<Alert> alertFor(PromotionNotice notice) {
    String subject = "`" + notice.sourceTable() + "`" + version(notice.sourceVersion()) + " → `" + notice.targetTable()
        + "` (" + notice.targetEnvironment() + ")" + (notice.releaseTag() == null ? "" : ", release " + notice.releaseTag());
    String footer = (notice.orderedBy() == null ? "" : "\nordered by " + notice.orderedBy())
        + (notice.approvedBy() == null ? "" : "\napproved by " + notice.approvedBy()) + "\npromotion " + notice.promotionId();
    if ("BLOCKED".equals(notice.status()) && notice.waiting() != null) {
      return notice.waiting() == PromotionNotice.Waiting.APPROVAL
          ? Optional.of(alert("promotion:" + notice.eventId(), Alert.Severity.WARNING,
              ":raised_hand: *Approval needed* " + subject + "\n" + notice.error() + footer))
          : Optional.empty();
    }
    return switch (notice.status()) {
      case "BLOCKED" -> Optional.of(alert("promotion:" + notice.eventId(), Alert.Severity.ERROR,
          ":no_entry: *Promotion BLOCKED* " + subject + "\n" + notice.error() + "\n" + notice.targetEnvironment()
              + " was not changed." + footer));
      case "FAILED" -> Optional.of(alert("promotion:" + notice.eventId(), Alert.Severity.ERROR,
          ":x: *Promotion FAILED* " + subject + "\n" + notice.error() + footer));
      case "ROLLED_BACK" -> Optional.of(alert("promotion:" + notice.eventId(), Alert.Severity.WARNING,
          ":rewind: *Rolled back* " + subject
          + (notice.error() == null ? "" : "\n" + notice.error()) + footer));
      case "PROMOTED" -> notice.error() != null
          ? Optional.of(alert("promotion:" + notice.eventId(), Alert.Severity.WARNING, ":wrench: *Repaired* " + subject + "\n"
              + notice.error() + footer))
          : notifyOnPromoted
          ? Optional.of(alert("promotion:" + notice.eventId(), Alert.Severity.INFO, ":white_check_mark: *Promoted* " + subject
              + (notice.targetDeltaVersion() == null ? "" : "\ntarget is now at its version " + notice.targetDeltaVersion()) + footer))
          : Optional.empty();
      case "SKIPPED" -> Optional.empty();
      default -> Optional.of(alert("promotion:" + notice.eventId(), Alert.Severity.WARNING,
          ":grey_question: *Promotion ended with status " + notice.status() + "* " + subject + footer));
    };
  }

  public Optional<Alert> alertFor(QcNotice notice) {
    if (!notifyOnQcWarn || !"WARN".equals(notice.status())) {
      return Optional.empty();
    }
    return Optional.of(alert("qc:" + notice.promotionId() + ":" + notice.version(), Alert.Severity.WARNING,
        ":warning: *QC warning* `" + notice.table()
        + "`" + version(notice.version()) + " (promotion to `" + notice.targetTable() + "` goes ahead)\n"
        + String.join("\n", notice.findings()) + "\npromotion " + notice.promotionId()));
  }

  public Alert alertFor(DeadLetterNotice notice) {
    boolean fromWarehouse = notice.origin().startsWith("warehouse:");
    String about = fromWarehouse ? "table `" + notice.key() + "` (" + notice.origin() + ")" : "the event at " + notice.origin()
        + (notice.key() == null ? "" : " (key `" + notice.key() + "`)");
    return alert("dead-letter:" + notice.service() + ":" + notice.origin() + (fromWarehouse ? ":" + notice.key() : ""),
        Alert.Severity.ERROR, ":inbox_tray: *Dead letter* in " + notice.service() + ": " + about + "\n" + notice.reason()
            + "\nIt is kept at " + notice.location() + (fromWarehouse ? "" : "; once the cause is fixed, send it back with "
                + "`bin/promotion dead-letters redrive --at " + notice.location() + "`"));
  }

  /**
   * Every value in an alert comes from an event (a reason an operator typed, a warehouse's error text), so
   * {@code &}, {@code <} and {@code >} are escaped as Slack asks: no {@code <!channel>}, {@code <@user>} or
   * {@code <https://...|link>} in them reaches anyone as a mention or a link. The templates use none of the three.
   */
  private static Alert alert(String key, Alert.Severity severity, String text) {
    return new Alert(key, severity, text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
  }

  private static String version(Long version) {
    return version == null ? "" : " v" + version;
  }
}
