package dev.kept.slack.listeners.views;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import dev.kept.chat.FormSubmission;
import dev.kept.chat.Person;
import dev.kept.inbox.Inbox;
import dev.kept.slack.SlackResponder;
import dev.kept.slack.SlackWork;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A submitted modal. Field problems that need no lookup are answered in the ack itself, so the
 * modal stays open with the message under the field; the rest happens after the ack and the
 * answer arrives as a DM.
 */
@Component
class FormHandler implements ViewSubmissionHandler {

    /** Elements whose state is a list of options. */
    private static final Set<String> MULTIPLE_CHOICES = Set.of("checkboxes", "multi_static_select");

    static final String BUSY = dev.kept.chat.BoundedWork.BUSY;

    private final Inbox inbox;
    private final SlackResponder responder;
    private final SlackWork work;

    FormHandler(Inbox inbox, SlackResponder responder, SlackWork work) {
        this.inbox = inbox;
        this.responder = responder;
        this.work = work;
    }

    Set<String> formIds() {
        return inbox.formIds();
    }

    @Override
    public Response apply(ViewSubmissionRequest request, ViewSubmissionContext context) {
        ViewSubmissionPayload p = request.getPayload();
        String teamId = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
        Person person = SlackResponder.workspace(teamId).person(p.getUser().getId());
        FormSubmission submission = translate(p);
        if (!inbox.ownsForm(submission.formId())) {
            return context.ack();
        }
        Map<String, String> errors = inbox.check(person, submission);
        if (!errors.isEmpty()) {
            return context.ack(r -> r.responseAction("errors").errors(errors));
        }
        boolean taken = inbox.later(work, () -> inbox.answer(new Inbox.Submitted(person, submission)),
                outcome -> responder.respond(person, outcome, null, null));
        if (!taken) {
            String firstInput = java.util.stream.Stream.concat(submission.texts().keySet().stream(),
                    submission.choices().keySet().stream()).findFirst().orElse("what");
            return context.ack(r -> r.responseAction("errors").errors(Map.of(firstInput, BUSY)));
        }
        return context.ack();
    }

    static FormSubmission translate(ViewSubmissionPayload p) {
        Map<String, String> texts = new HashMap<>();
        Map<String, String> people = new HashMap<>();
        Map<String, Instant> instants = new HashMap<>();
        Map<String, List<String>> choices = new HashMap<>();
        Map<String, Map<String, ViewState.Value>> values =
                p.getView().getState() == null ? Map.of() : p.getView().getState().getValues();
        values.forEach((blockId, byAction) -> byAction.forEach((actionId, v) -> {
            if (v.getValue() != null) {
                texts.put(actionId, v.getValue());
            }
            if (v.getSelectedUser() != null) {
                people.put(actionId, v.getSelectedUser());
            }
            if (v.getSelectedDateTime() != null) {
                instants.put(actionId, Instant.ofEpochSecond(v.getSelectedDateTime()));
            }
            if (v.getSelectedOption() != null && v.getSelectedOption().getValue() != null) {
                choices.put(actionId, List.of(v.getSelectedOption().getValue()));
            }
            if (v.getSelectedOptions() != null || MULTIPLE_CHOICES.contains(v.getType())) {
                // Checkboxes all cleared come back as an empty list: that is an answer too ("none").
                List<String> chosen = new ArrayList<>();
                if (v.getSelectedOptions() != null) {
                    v.getSelectedOptions().forEach(o -> chosen.add(o.getValue()));
                }
                choices.put(actionId, chosen);
            }
        }));
        String context = p.getView().getPrivateMetadata() == null ? "" : p.getView().getPrivateMetadata();
        return new FormSubmission(p.getView().getCallbackId(), context, texts, people, instants, choices);
    }
}
