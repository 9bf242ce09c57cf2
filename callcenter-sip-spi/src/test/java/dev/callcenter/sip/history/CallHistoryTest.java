package dev.callcenter.sip.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.core.CallDirection;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallOutcome;
import dev.callcenter.core.CallRecord;
import dev.callcenter.core.CallRecordId;
import dev.callcenter.core.internal.Json;
import dev.callcenter.core.store.CallRecordQuery;
import dev.callcenter.core.store.CallRecordStore;
import dev.callcenter.core.store.PageRequest;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallHistoryTest {
  private static final Instant DAY = Instant.parse("2026-03-01T21:30:00Z"); // 00:30 on 2 March in Riyadh
  private final CallRecordStore store = CallRecordStore.inMemory();
  private final CallHistory history = CallHistory.of(store, ZoneId.of("Asia/Riyadh"));

  private static CallRecord record(String id, CallDirection direction, String ext, String user, CallOutcome outcome,
      Instant at, int ringSeconds, int talkSeconds) {
    return new CallRecord(CallRecordId.of(id), CallId.of("call-" + id), direction, "+966501234567", ext, user,
        outcome, at, Duration.ofSeconds(ringSeconds), Duration.ofSeconds(talkSeconds), 0);
  }

  @BeforeEach
  void fill() {
    store.insert(record("r1", CallDirection.INBOUND, "1001", "u1", CallOutcome.ANSWERED, DAY, 5, 60));
    store.insert(record("r2", CallDirection.INBOUND, "1001", "u1", CallOutcome.MISSED, DAY.plusSeconds(600), 20, 0));
    store.insert(record("r3", CallDirection.OUTBOUND, "1002", "u2", CallOutcome.ANSWERED, DAY.plusSeconds(3600), 3,
        120));
    store.insert(record("r4", CallDirection.OUTBOUND, "1002", "u2", CallOutcome.BUSY, DAY.plusSeconds(86_400), 1, 0));
  }

  @Test
  void filtersByExtensionUserDateStatusAndDirection() {
    assertThat(ids(CallRecordQuery.ALL)).containsExactly("r4", "r3", "r2", "r1");
    assertThat(ids(CallRecordQuery.ALL.forExtensions(Set.of("1001")))).containsExactly("r2", "r1");
    assertThat(ids(CallRecordQuery.ALL.forUser("u2"))).containsExactly("r4", "r3");
    assertThat(ids(CallRecordQuery.ALL.withOutcome(CallOutcome.ANSWERED))).containsExactly("r3", "r1");
    assertThat(ids(CallRecordQuery.ALL.withDirection(CallDirection.OUTBOUND))).containsExactly("r4", "r3");
    assertThat(ids(CallRecordQuery.ALL.between(DAY.plusSeconds(1), DAY.plusSeconds(86_400))))
        .containsExactly("r3", "r2");
  }

  private List<String> ids(CallRecordQuery q) {
    return history.search(q, PageRequest.first(10)).items().stream().map(r -> r.id().value()).toList();
  }

  @Test
  void analyticsInTheConfiguredZone() {
    CallAnalytics a = history.analyse(CallRecordQuery.ALL);
    assertThat(a.total()).isEqualTo(4);
    assertThat(a.answered()).isEqualTo(2);
    assertThat(a.missed()).isEqualTo(1);
    assertThat(a.busy()).isEqualTo(1);
    assertThat(a.answeredRate()).isCloseTo(0.5, within(1e-9));
    assertThat(a.missedRate()).isCloseTo(0.25, within(1e-9));
    assertThat(a.averageTalkDuration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(a.totalTalkTime()).isEqualTo(Duration.ofSeconds(180));
    assertThat(a.averageDuration()).isEqualTo(Duration.ofMillis((65 + 20 + 123 + 1) * 1000L / 4));
    assertThat(a.byDirection()).containsEntry(CallDirection.INBOUND, 2L).containsEntry(CallDirection.OUTBOUND, 2L);
    assertThat(a.perExtension().get("1001")).isEqualTo(new ExtensionUsage("1001", 2, 1, 1, Duration.ofSeconds(60)));
    assertThat(a.perExtension().get("1002")).isEqualTo(new ExtensionUsage("1002", 2, 1, 0, Duration.ofSeconds(120)));
    assertThat(a.byHour()).hasSize(24).containsEntry(0, 3L).containsEntry(1, 1L).containsEntry(2, 0L);
    assertThat(a.byDay()).containsExactly(Map.entry(LocalDate.of(2026, 3, 2), 3L),
        Map.entry(LocalDate.of(2026, 3, 3), 1L));

    CallAnalytics utc = CallHistory.of(store).analyse(CallRecordQuery.ALL);
    assertThat(utc.byHour()).containsEntry(21, 3L).containsEntry(22, 1L);
    assertThat(utc.byDay()).containsKeys(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2));

    CallAnalytics none = history.analyse(CallRecordQuery.ALL.forUser("nobody"));
    assertThat(none.total()).isZero();
    assertThat(none.answeredRate()).isZero();
    assertThat(none.averageTalkDuration()).isEqualTo(Duration.ZERO);
  }

  @Test
  void csvHasAHeaderCrlfLinesAndAnOptionalBom() {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    history.exportCsv(CallRecordQuery.ALL.forExtensions(Set.of("1001")), plain, CsvOptions.DEFAULT);
    String text = plain.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith(String.join(",", CallHistory.CSV_COLUMNS) + "\r\n");
    assertThat(text.split("\r\n")).hasSize(3);
    assertThat(text).contains("r1,call-r1,inbound,+966501234567,1001,u1,answered,2026-03-01T21:30:00Z,"
        + "2026-03-02T00:30:00,5,60\r\n");

    ByteArrayOutputStream bom = new ByteArrayOutputStream();
    history.exportCsv(CallRecordQuery.ALL, bom, CsvOptions.SPREADSHEET);
    byte[] bytes = bom.toByteArray();
    assertThat(bytes[0]).isEqualTo((byte) 0xEF);
    assertThat(bytes[1]).isEqualTo((byte) 0xBB);
    assertThat(bytes[2]).isEqualTo((byte) 0xBF);
    assertThat(plain.toByteArray()[0]).isEqualTo((byte) 'i');
  }

  @Test
  void spreadsheetExportsNeutraliseFormulas() {
    CallRecordStore evil = CallRecordStore.inMemory();
    evil.insert(new CallRecord(CallRecordId.of("r1"), null, CallDirection.INBOUND, "+966501234567", "1001",
        "=HYPERLINK(\"http://x\",\"y\")", CallOutcome.MISSED, DAY, Duration.ZERO, Duration.ZERO, 0));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CallHistory.of(evil).exportCsv(CallRecordQuery.ALL, out, CsvOptions.SPREADSHEET);
    List<String> row = Rfc4180.parse(out.toString(StandardCharsets.UTF_8).substring(1)).get(1);
    assertThat(row.get(3)).isEqualTo("'+966501234567");
    assertThat(row.get(5)).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
    assertThat(row.get(4)).isEqualTo("1001");
  }

  @Test
  void csvRoundTripsArabicCommasQuotesAndNewlines() {
    CallRecordStore tricky = CallRecordStore.inMemory();
    List<String> awkward = List.of("أحمد, \"المدير\"\r\nسطر ثانٍ", "a,b", "say \"hi\"", "line1\nline2", "cr\ronly",
        "\"", ",", "", " spaced ", "emoji 📞 ok");
    for (int i = 0; i < awkward.size(); i++) {
      tricky.insert(new CallRecord(CallRecordId.of("r" + i), null, CallDirection.INTERNAL, "1001", "ext-" + i,
          awkward.get(i).isEmpty() ? null : awkward.get(i), CallOutcome.FAILED, DAY.plusSeconds(i), Duration.ZERO,
          Duration.ZERO, 0));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CallHistory.of(tricky).exportCsv(CallRecordQuery.ALL, out, CsvOptions.DEFAULT);
    List<List<String>> rows = Rfc4180.parse(out.toString(StandardCharsets.UTF_8));
    assertThat(rows.get(0)).isEqualTo(CallHistory.CSV_COLUMNS);
    List<String> users = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      assertThat(row).hasSize(CallHistory.CSV_COLUMNS.size());
      users.add(row.get(5));
    }
    List<String> expected = new ArrayList<>(awkward);
    java.util.Collections.reverse(expected); // newest first
    assertThat(users).isEqualTo(expected);
  }

  @Property(tries = 300)
  void anyTextRoundTripsThroughCsv(@ForAll @StringLength(max = 40) String userId) {
    CallRecordStore one = CallRecordStore.inMemory();
    one.insert(new CallRecord(CallRecordId.of("r"), null, CallDirection.INBOUND, "1001", "1001",
        userId.isEmpty() ? null : userId, CallOutcome.MISSED, DAY, Duration.ofMillis(1500), Duration.ZERO, 0));
    StringWriter out = new StringWriter();
    CallHistory.of(one).exportCsv(CallRecordQuery.ALL, out);
    List<List<String>> rows = Rfc4180.parse(out.toString());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).get(5)).isEqualTo(userId);
    assertThat(rows.get(1).get(9)).isEqualTo("1.5");
  }

  @Test
  void jsonIsOneArrayWithTheSameFields() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    history.exportJson(CallRecordQuery.ALL, out);
    JsonNode array = Json.mapper().readTree(out.toByteArray());
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(4);
    JsonNode first = array.get(3);
    assertThat(first.get("id").asText()).isEqualTo("r1");
    assertThat(first.get("direction").asText()).isEqualTo("inbound");
    assertThat(first.get("status").asText()).isEqualTo("answered");
    assertThat(first.get("startedLocal").asText()).isEqualTo("2026-03-02T00:30:00");
    assertThat(first.get("talkSeconds").decimalValue()).isEqualByComparingTo("60");
    assertThat(first.get("extension").asText()).isEqualTo("1001");

    StringWriter empty = new StringWriter();
    history.exportJson(CallRecordQuery.ALL.forUser("nobody"), empty);
    assertThat(empty.toString()).isEqualTo("[]");
  }
}
