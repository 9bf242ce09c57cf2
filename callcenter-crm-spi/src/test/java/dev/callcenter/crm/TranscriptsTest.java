package dev.callcenter.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.Language;
import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.store.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranscriptsTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-01-10T09:00:00Z"));
  private final CallCenter center = CallCenter.builder().clock(clock).build();
  private final CrmService crm = CrmService.builder(center).automation(false).pinHashIterations(1_000).build();
  private final Transcripts transcripts = crm.transcripts();

  @Test
  void lexiconScoresEnglishAndArabicWithNegation() {
    SentimentScorer s = SentimentScorer.lexicon();
    assertThat(s.score("Thank you, that was excellent service", Language.ENGLISH)).isEqualTo(1.0);
    assertThat(s.score("The package arrived broken and late", Language.ENGLISH)).isEqualTo(-1.0);
    assertThat(s.score("I am not happy", Language.ENGLISH)).isEqualTo(-1.0);
    assertThat(s.score("The order number is 1234", Language.ENGLISH)).isZero();
    assertThat(s.score("الخدمة ممتازة شكراً", Language.ARABIC)).isEqualTo(1.0);
    assertThat(s.score("الطلب متأخر والمنتج مكسور", Language.ARABIC)).isEqualTo(-1.0);
    assertThat(s.score("أنا مش راضي", Language.ARABIC)).isEqualTo(-1.0);
    assertThat(s.score("good but slow", null)).isZero();
  }

  @Test
  void messagesAreNumberedScoredAndAnnounced() {
    Transcript t = transcripts.start("call-1", null);
    Message first = transcripts.addMessage(t.id(), Speaker.CUSTOMER, "My order is late and I am angry",
        Language.ENGLISH);
    clock.advance(Duration.ofSeconds(5));
    Message second = transcripts.addMessage(t.id(), Speaker.AGENT, "Sorry, let me check", Language.ENGLISH);
    assertThat(first.sequence()).isEqualTo(1);
    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.at()).isEqualTo(clock.instant());
    assertThat(first.sentiment()).isEqualTo(-1.0);

    List<Event> events = center.eventsAfter(0, 100).stream().filter(e -> e.type() == EventType.MESSAGE_NEW)
        .toList();
    assertThat(events).hasSize(2);
    assertThat(events.get(0).subject()).isEqualTo(t.id());
    assertThat(events.get(0).data()).containsEntry("callId", "call-1").containsEntry("transcriptId", t.id());
    @SuppressWarnings("unchecked")
    Map<String, Object> message = (Map<String, Object>) events.get(0).data().get("message");
    assertThat(message).containsEntry("speaker", "CUSTOMER").containsEntry("language", "en")
        .containsEntry("text", "My order is late and I am angry");
  }

  @Test
  void overallSentimentIsTheCustomersMean() {
    Transcript t = transcripts.start(null, null);
    transcripts.addMessage(t.id(), Speaker.CUSTOMER, "This is terrible", Language.ENGLISH);
    transcripts.addMessage(t.id(), Speaker.AGENT, "Great, excellent, wonderful", Language.ENGLISH);
    transcripts.addMessage(t.id(), Speaker.CUSTOMER, "Ok, thanks, that is great", Language.ENGLISH);
    assertThat(transcripts.get(t.id()).overallSentiment()).isCloseTo(0.0, within(1e-9));
    assertThat(transcripts.analyse(t.id()).overallSentiment()).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void summaryAndKeywordsAreExtractedFromTheConversation() {
    Transcript t = transcripts.start(null, null);
    transcripts.addMessage(t.id(), Speaker.SYSTEM, "Welcome to the call center.", Language.ENGLISH);
    transcripts.addMessage(t.id(), Speaker.CUSTOMER,
        "My refund for the damaged blender has not arrived. I asked for the refund two weeks ago.",
        Language.ENGLISH);
    transcripts.addMessage(t.id(), Speaker.AGENT, "I see the blender refund is pending approval.",
        Language.ENGLISH);
    transcripts.addMessage(t.id(), Speaker.CUSTOMER, "Okay.", Language.ENGLISH);
    TranscriptAnalysis a = transcripts.analyse(t.id(), 2, 3);
    assertThat(a.keywords()).containsExactly("refund", "blender", "ago");
    assertThat(a.summary()).hasSize(2).allMatch(s -> s.contains("refund"));
    assertThat(a.summary().get(0)).startsWith("My refund");
  }

  @Test
  void arabicKeywordsFoldLetterVariantsAndTheArticle() {
    Transcript t = transcripts.start(null, null);
    transcripts.addMessage(t.id(), Speaker.CUSTOMER, "أريد إلغاء الطلب", Language.ARABIC);
    transcripts.addMessage(t.id(), Speaker.AGENT, "رقم الطلب من فضلك؟", Language.ARABIC);
    transcripts.addMessage(t.id(), Speaker.CUSTOMER, "طلب رقم ١٢٣٤ متأخر", Language.ARABIC);
    assertThat(transcripts.analyse(t.id()).keywords().get(0)).isEqualTo("طلب");
  }

  @Test
  void aThrowingScorerScoresZeroAndTheMessageIsKept() {
    CrmService other = CrmService.builder(center).automation(false).sentimentScorer((text, lang) -> {
      throw new IllegalStateException("model down");
    }).build();
    Transcript t = other.transcripts().start(null, null);
    assertThat(other.transcripts().addMessage(t.id(), Speaker.CUSTOMER, "hello", null).sentiment()).isZero();
  }

  @Test
  void badInputIsRefusedAndNothingStored() {
    Transcript t = transcripts.start(null, null);
    assertThatThrownBy(() -> transcripts.addMessage(t.id(), Speaker.CUSTOMER, "  ", null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("text");
    assertThat(transcripts.get(t.id()).messages()).isEmpty();
  }

  @Test
  void searchByCallCustomerTextAndDate() {
    Customer c = crm.customers().create(NewCustomer.builder().name("Lina").build());
    Transcript a = transcripts.start("call-a", c.id());
    transcripts.addMessage(a.id(), Speaker.CUSTOMER, "Where is my parcel?", null);
    clock.advance(Duration.ofHours(1));
    Transcript b = transcripts.start("call-b", null);
    transcripts.addMessage(b.id(), Speaker.CUSTOMER, "I want to buy a phone", null);
    assertThat(ids(TranscriptQuery.ALL)).containsExactly(b.id(), a.id());
    assertThat(ids(TranscriptQuery.ALL.forCall("call-a"))).containsExactly(a.id());
    assertThat(ids(TranscriptQuery.ALL.forCustomer(c.id()))).containsExactly(a.id());
    assertThat(ids(TranscriptQuery.ALL.containing("PARCEL"))).containsExactly(a.id());
    assertThat(ids(TranscriptQuery.ALL.createdBetween(b.createdAt(), null))).containsExactly(b.id());
    assertThat(crm.customers().get(c.id()).messageCount()).isEqualTo(1);
  }

  private List<String> ids(TranscriptQuery q) {
    return transcripts.search(q, PageRequest.first(10)).items().stream().map(Transcript::id).toList();
  }

  @Test
  void startingTheTranscriptOfACallTwiceAtOnceGivesBothTheSameOne() throws Exception {
    int threads = 8;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Transcript>> started = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        started.add(pool.submit(() -> {
          go.await();
          return transcripts.start("call-race", null);
        }));
      }
      go.countDown();
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (java.util.concurrent.Future<Transcript> f : started) {
        ids.add(f.get(10, java.util.concurrent.TimeUnit.SECONDS).id());
      }
      assertThat(ids).hasSize(1);
      assertThat(transcripts.forCall("call-race")).map(Transcript::id).contains(ids.iterator().next());
      assertThat(transcripts.search(TranscriptQuery.ALL.forCall("call-race"),
          PageRequest.first(10)).total()).isEqualTo(1);
      assertThat(transcripts.start("call-race", null).id()).isEqualTo(ids.iterator().next());
      assertThat(transcripts.start(null, null).id()).as("a transcript without a call is always new")
          .isNotEqualTo(transcripts.start(null, null).id());
    } finally {
      pool.shutdownNow();
    }
  }
}
