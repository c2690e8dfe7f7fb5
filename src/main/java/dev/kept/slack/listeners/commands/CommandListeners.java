package dev.kept.slack.listeners.commands;

import com.slack.api.bolt.App;
import dev.kept.slack.listeners.ListenerRegistrar;
import org.springframework.stereotype.Component;

@Component
class CommandListeners implements ListenerRegistrar {

    static final String PROMISE = "/promise";

    private final PromiseCommandHandler promise;

    CommandListeners(PromiseCommandHandler promise) {
        this.promise = promise;
    }

    @Override
    public void register(App app) {
        app.command(PROMISE, promise);
    }
}
