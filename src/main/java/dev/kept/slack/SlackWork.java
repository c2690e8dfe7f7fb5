package dev.kept.slack;

import dev.kept.chat.BoundedWork;
import org.springframework.stereotype.Component;

/**
 * Where listeners put the work that follows an ack: Slack must hear back within 3 seconds, so
 * listeners only hand the work over here and ack. Bounded: when it is full, the listener answers
 * "busy" at once instead of making Slack wait.
 */
@Component
public class SlackWork extends BoundedWork {

    SlackWork(SlackProperties properties) {
        super("slack", properties.workers(), properties.queue());
    }
}
