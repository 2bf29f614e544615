package io.deltapromotion.notifier.messaging;

import io.deltapromotion.events.CheckResult;
import io.deltapromotion.events.QcCompleted;
import io.deltapromotion.infrastructure.kafka.EventStreamsProperties;
import io.deltapromotion.infrastructure.kafka.TopicFollower;
import io.deltapromotion.infrastructure.kafka.TopicReplayer;
import io.deltapromotion.notifier.config.NotifierProperties;
import io.deltapromotion.notifier.domain.Deliveries;
import io.deltapromotion.notifier.domain.LineagePublisher;
import io.deltapromotion.notifier.domain.LineageRecorder;
import io.deltapromotion.notifier.domain.QcReport;
import io.deltapromotion.notifier.domain.QcReports;
import io.deltapromotion.notifier.lineage.OpenLineageEvents;
import io.deltapromotion.notifier.lineage.OpenLineageHttpPublisher;
import io.deltapromotion.notifier.lineage.OpenLineageKafkaPublisher;
import io.deltapromotion.schemas.topics.EventTopics;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lineage, when {@code deltapromotion.notifier.lineage.url} is set or {@code .kafka} is true: QC's reports
 * folded from the quality reports topic (read to its end before the listeners start, then followed by
 * every instance), the destinations, and the record of what each was sent.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(LineageConfiguration.ENABLED)
class LineageConfiguration {

  static final String ENABLED =
      "'${deltapromotion.notifier.lineage.url:}' != '' or ${deltapromotion.notifier.lineage.kafka:false}";

  @Bean
  QcReports qcReports(NotifierProperties properties) {
    return new QcReports(properties.lineage().versionsPerTable());
  }

  @Bean
  TopicFollower qcReportFollower(TopicReplayer replayer, KafkaProperties kafka, QcReports reports,
      EventStreamsProperties properties) {
    return new TopicFollower("QC's reports", replayer, kafka.buildConsumerProperties(),
        List.of(EventTopics.QC_COMPLETED.name()), properties.replayTimeout(), record -> {
          if (record.value() instanceof QcCompleted report && report.getVersion() != null) {
            reports.record(qcReport(report));
          }
        });
  }

  static QcReport qcReport(QcCompleted report) {
    return new QcReport(report.getTable(), report.getVersion(), report.getStatus().name(), report.getRowCount(),
        report.getChecks().stream().map(LineageConfiguration::check).toList(), report.getEnvelope().getOccurredAt());
  }

  private static QcReport.Check check(CheckResult check) {
    return new QcReport.Check(check.getName(), check.getStatus().name(), check.getObservedValue(), check.getThreshold(),
        check.getMessage());
  }

  @Bean
  @ConditionalOnProperty("deltapromotion.notifier.lineage.url")
  OpenLineageHttpPublisher lineageEndpoint(NotifierProperties properties) {
    NotifierProperties.Lineage lineage = properties.lineage();
    return new OpenLineageHttpPublisher(lineage.url(), lineage.path(), lineage.apiKey(), lineage.timeout(), events(lineage));
  }

  @Bean
  @ConditionalOnBooleanProperty("deltapromotion.notifier.lineage.kafka")
  OpenLineageKafkaPublisher lineageTopic(NotifierProperties properties, KafkaProperties kafka) {
    NotifierProperties.Lineage lineage = properties.lineage();
    return new OpenLineageKafkaPublisher(kafka.buildProducerProperties(), EventTopics.LINEAGE, lineage.timeout(),
        events(lineage));
  }

  private static OpenLineageEvents events(NotifierProperties.Lineage lineage) {
    return new OpenLineageEvents(lineage.producer(), lineage.jobNamespace(), lineage.datasetNamespace());
  }

  @Bean
  LineageRecorder lineageRecorder(List<LineagePublisher> destinations, Deliveries deliveries) {
    return new LineageRecorder(destinations, deliveries);
  }
}
