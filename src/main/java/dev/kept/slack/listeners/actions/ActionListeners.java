package dev.kept.slack.listeners.actions;

import com.slack.api.bolt.App;
import dev.kept.promise.ActionIds;
import dev.kept.slack.listeners.ListenerRegistrar;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class ActionListeners implements ListenerRegistrar {

    /** Every button the core puts in a message. */
    static final List<String> PROMISE_BUTTONS = List.of(ActionIds.ACKNOWLEDGE, ActionIds.SUGGEST,
            ActionIds.DELIVER, ActionIds.ACCEPT_DUE);

    private final PromiseButtonHandler buttons;

    ActionListeners(PromiseButtonHandler buttons) {
        this.buttons = buttons;
    }

    @Override
    public void register(App app) {
        PROMISE_BUTTONS.forEach(id -> app.blockAction(id, buttons));
    }
}
