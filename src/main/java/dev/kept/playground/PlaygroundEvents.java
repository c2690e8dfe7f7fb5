package dev.kept.playground;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-sent events to open pages: {@code conversation} when a person's DMs changed (sent to pages
 * viewed as that person), {@code clock} when the playground's time moved, {@code reset} after a reset
 * (sent to every page). The page then fetches the part that changed.
 */
@Component
class PlaygroundEvents implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(PlaygroundEvents.class);
    private static final long TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

    private final Map<SseEmitter, String> viewers = new ConcurrentHashMap<>();

    SseEmitter open(String viewer) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        viewers.put(emitter, viewer);
        emitter.onCompletion(() -> viewers.remove(emitter));
        emitter.onTimeout(() -> viewers.remove(emitter));
        emitter.onError(e -> viewers.remove(emitter));
        send(emitter, "hello");
        return emitter;
    }

    void conversationChanged(String userId) {
        viewers.forEach((emitter, viewer) -> {
            if (viewer.equals(userId)) {
                send(emitter, "conversation");
            }
        });
    }

    void everyone(String event) {
        viewers.keySet().forEach(emitter -> send(emitter, event));
    }

    private void send(SseEmitter emitter, String event) {
        try {
            emitter.send(SseEmitter.event().name(event).data(event));
        } catch (IOException | IllegalStateException e) {
            viewers.remove(emitter);
            log.debug("A page went away: {}", e.getMessage());
        }
    }

    /** Open streams would hold up a graceful shutdown: end them first. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        viewers.keySet().forEach(SseEmitter::complete);
        viewers.clear();
    }
}
