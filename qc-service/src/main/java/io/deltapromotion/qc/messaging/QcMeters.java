package io.deltapromotion.qc.messaging;

import io.deltapromotion.qc.domain.CheckOutcome;
import io.deltapromotion.qc.domain.QualityReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The audits this instance published: their time by verdict ({@value #DURATION}) and every check's
 * verdict by check ({@value #CHECKS}). A check is named by its kind, the part of its name before the
 * first dot ({@code null_keys.author_id} counts as {@code null_keys}, every custom check as
 * {@code custom}), so the series do not multiply with the tables' columns.
 */
@Component
class QcMeters {

  static final String DURATION = "deltapromotion.qc.duration";
  static final String CHECKS = "deltapromotion.qc.checks";

  private final MeterRegistry meters;

  QcMeters(MeterRegistry meters) {
    this.meters = meters;
  }

  void published(QualityReport report, Duration took) {
    Timer.builder(DURATION).description("Time an audit of one table version took, by its verdict")
        .tag("verdict", report.verdict().name()).register(meters).record(took);
    for (CheckOutcome check : report.checks()) {
      Counter.builder(CHECKS).description("Checks run by audits, by check and verdict")
          .tag("check", kind(check.name())).tag("verdict", check.verdict().name()).register(meters).increment();
    }
  }

  static String kind(String checkName) {
    int dot = checkName.indexOf('.');
    return (dot < 0 ? checkName : checkName.substring(0, dot)).toLowerCase(Locale.ROOT);
  }
}
