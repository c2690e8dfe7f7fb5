package dev.kept.slack.listeners.actions;

import com.slack.api.bolt.App;
import dev.kept.slack.listeners.ListenerRegistrar;
import org.springframework.stereotype.Component;

/** One listener per button id that a core feature declares. */
@Component
class ActionListeners implements ListenerRegistrar {

    private final ButtonHandler buttons;

    ActionListeners(ButtonHandler buttons) {
        this.buttons = buttons;
    }

    @Override
    public void register(App app) {
        buttons.actionIds().forEach(id -> app.blockAction(id, buttons));
    }
}
