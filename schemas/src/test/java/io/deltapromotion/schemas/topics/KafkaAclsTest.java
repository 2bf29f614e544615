package io.deltapromotion.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class KafkaAclsTest {

  @Test
  void givenTheDeclaredTopicsWhenACLsAreDerivedThenEachEventTopicIsWrittenOnlyByItsDeclaredWriters() {
    assertThat(writersOf(EventTopics.TABLE_CHANGED.name())).containsExactly("User:detector-service");
    assertThat(writersOf(EventTopics.QC_COMPLETED.name())).containsExactly("User:qc-service");
    assertThat(writersOf(EventTopics.PROMOTION_DONE.name())).containsExactly("User:promoter-service");
    assertThat(writersOf(EventTopics.OPERATOR_COMMANDS.name())).containsExactly("User:promoter-service");
    assertThat(writersOf(EventTopics.ALERTS_SENT.name())).containsExactly("User:notifier-service");
    assertThat(writersOf(EventTopics.PIPELINE_COMMITTED.name()))
        .containsExactlyInAnyOrder("User:upstream-pipelines", "User:detector-service", "User:promoter-service");
    EventTopics.deadLetters().forEach(topic ->
        assertThat(writersOf(topic.name())).containsExactly("User:" + topic.writer()));
    assertThat(writersOf(EventTopics.LINEAGE.name())).containsExactly("User:notifier-service");
  }

  @Test
  void givenTheOperatorsToolsWhenACLsAreDerivedThenTheyReadEveryTopicAndWriteNone() {
    Set<AclBinding> tools = KafkaAcls.declared().stream()
        .filter(acl -> acl.entry().principal().equals("User:operator-tools")).collect(Collectors.toSet());
    assertThat(tools).allSatisfy(acl -> assertThat(acl.entry().operation()).isEqualTo(AclOperation.READ));
    assertThat(tools.stream().map(acl -> acl.pattern().name()))
        .containsAll(EventTopics.all().stream().map(TopicSpec::name).toList())
        .containsAll(EventTopics.deadLetters().stream().map(DeadLetterTopic::name).toList())
        .containsAll(EventTopics.jsonTopics().stream().map(JsonTopic::name).toList());
  }

  @Test
  void givenAServiceWhenACLsAreDerivedThenItsGroupsAndTransactionsAreTheOnesNamedAfterIt() {
    Set<AclBinding> prefixed = KafkaAcls.declared().stream()
        .filter(acl -> acl.pattern().patternType() == PatternType.PREFIXED).collect(Collectors.toSet());
    for (Principal principal : Principal.values()) {
      Set<String> own = prefixed.stream().filter(acl -> acl.entry().principal().equals("User:" + principal.id()))
          .map(acl -> acl.pattern().resourceType() + " " + acl.pattern().name()).collect(Collectors.toSet());
      if (principal.isService()) {
        assertThat(own).containsExactlyInAnyOrder("GROUP " + principal.id(), "TRANSACTIONAL_ID " + principal.id());
      } else {
        assertThat(own).isEmpty();
      }
    }
  }

  @Test
  void givenTheDetectorWhenACLsAreDerivedThenItReadsItsOwnDeadLettersForTheTablesItReportedSkipped() {
    assertThat(KafkaAcls.declared()).anySatisfy(acl -> {
      assertThat(acl.pattern().name()).isEqualTo(EventTopics.DETECTOR_DEAD_LETTER.name());
      assertThat(acl.entry().principal()).isEqualTo("User:detector-service");
      assertThat(acl.entry().operation()).isEqualTo(AclOperation.READ);
    });
  }

  @Test
  void givenTheUpstreamPipelinesWhenACLsAreDerivedThenTheyMayOnlyWriteTheirOwnTopic() {
    assertThat(KafkaAcls.declared().stream().filter(acl -> acl.entry().principal().equals("User:upstream-pipelines")))
        .singleElement()
        .satisfies(acl -> {
          assertThat(acl.pattern().resourceType()).isEqualTo(ResourceType.TOPIC);
          assertThat(acl.pattern().name()).isEqualTo(EventTopics.PIPELINE_COMMITTED.name());
          assertThat(acl.entry().operation()).isEqualTo(AclOperation.WRITE);
        });
  }

  private static Set<String> writersOf(String topic) {
    return KafkaAcls.declared().stream()
        .filter(acl -> acl.pattern().name().equals(topic) && acl.entry().operation() == AclOperation.WRITE)
        .map(acl -> acl.entry().principal()).collect(Collectors.toSet());
  }
}
