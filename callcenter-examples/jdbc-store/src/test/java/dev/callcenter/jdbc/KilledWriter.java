package dev.callcenter.jdbc;

import dev.callcenter.core.Call;
import dev.callcenter.core.CallId;
import dev.callcenter.core.CallMetadata;
import dev.callcenter.core.CustomerInfo;
import dev.callcenter.core.event.EventType;
import dev.callcenter.core.event.NewEvent;
import java.time.Clock;
import java.util.Map;

/**
 * The process {@link KillTest} kills: writes calls and events to the database named by its argument forever,
 * printing {@code acked <n>} after each write returned.
 */
public final class KilledWriter {
  private KilledWriter() {}

  public static void main(String[] args) {
    JdbcStores db = JdbcStores.open(args[0]);
    Clock clock = Clock.systemUTC();
    for (int i = 0; ; i++) {
      db.calls().insert(Call.initiate(CallId.of("k-" + i), CustomerInfo.UNKNOWN, CallMetadata.NONE, clock));
      db.eventLog().append(NewEvent.of(EventType.CALL_NEW, clock.instant(), "k-" + i, Map.of("i", i)));
      System.out.println("acked " + i);
      System.out.flush();
    }
  }
}
