package io.deltapromotion.registryservice.http;

import io.deltapromotion.registryservice.domain.LedgerEvent;
import io.deltapromotion.registryservice.domain.PromotionLedger;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/stream}: every announcement, QC report, outcome and operator command the registry
 * reads from now on, as Server-Sent Events (event name {@code announced}, {@code qc}, {@code outcome} or
 * {@code command}; data the JSON of a
 * history entry with its table), for dashboards that follow without a Kafka client. A client that drops
 * is forgotten; one that reconnects asks {@code /tables/{table}/history} for what it missed.
 */
@RestController
class LiveStream {

  /** Long enough for a dashboard left open; the client reconnects after it (SSE does by itself). */
  private static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

  private final List<SseEmitter> listeners = new CopyOnWriteArrayList<>();
  /** Sends in the order events were read, off the follower's thread: a slow client holds up no reading. */
  private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "live-stream");
    thread.setDaemon(true);
    return thread;
  });

  LiveStream(PromotionLedger ledger) {
    ledger.watch(event -> sender.execute(() -> send(event)));
  }

  @GetMapping(path = RegistryController.PATH + "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream() throws IOException {
    SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
    emitter.onCompletion(() -> listeners.remove(emitter));
    emitter.onTimeout(() -> listeners.remove(emitter));
    emitter.onError(error -> listeners.remove(emitter));
    listeners.add(emitter);
    emitter.send(SseEmitter.event().comment("following the promotion log"));
    return emitter;
  }

  private void send(LedgerEvent event) {
    HistoryEntry entry = HistoryEntry.of(event);
    StreamedEvent streamed = new StreamedEvent(event.table(), entry);
    for (SseEmitter listener : listeners) {
      try {
        listener.send(SseEmitter.event().name(entry.type()).id(event.eventId()).data(streamed, MediaType.APPLICATION_JSON));
      } catch (IOException | IllegalStateException gone) {
        listeners.remove(listener);
      }
    }
  }

  /** One streamed event: its table and the entry as the history shows it. */
  record StreamedEvent(String table, HistoryEntry event) {}
}
