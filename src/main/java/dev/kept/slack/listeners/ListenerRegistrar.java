package dev.kept.slack.listeners;

import com.slack.api.bolt.App;

/** Registers one kind of Bolt listener (commands, actions, views, events). */
public interface ListenerRegistrar {

    void register(App app);
}
