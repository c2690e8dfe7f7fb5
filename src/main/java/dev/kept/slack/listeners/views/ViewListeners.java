package dev.kept.slack.listeners.views;

import com.slack.api.bolt.App;
import dev.kept.promise.ActionIds;
import dev.kept.slack.listeners.ListenerRegistrar;
import org.springframework.stereotype.Component;

@Component
class ViewListeners implements ListenerRegistrar {

    private final PromiseFormHandler forms;

    ViewListeners(PromiseFormHandler forms) {
        this.forms = forms;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(ActionIds.NEW_PROMISE_FORM, forms);
        app.viewSubmission(ActionIds.SUGGEST_FORM, forms);
    }
}
