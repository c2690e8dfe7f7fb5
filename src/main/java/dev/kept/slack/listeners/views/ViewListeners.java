package dev.kept.slack.listeners.views;

import com.slack.api.bolt.App;
import dev.kept.slack.listeners.ListenerRegistrar;
import org.springframework.stereotype.Component;

/** One listener per form id that a core feature declares. */
@Component
class ViewListeners implements ListenerRegistrar {

    private final FormHandler forms;

    ViewListeners(FormHandler forms) {
        this.forms = forms;
    }

    @Override
    public void register(App app) {
        forms.formIds().forEach(id -> app.viewSubmission(id, forms));
    }
}
