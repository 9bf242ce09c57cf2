package dev.callcenter.ivr.internal;

import dev.callcenter.core.Department;
import dev.callcenter.ivr.FlowDefinition;
import dev.callcenter.ivr.FormField;
import dev.callcenter.ivr.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a flow as a Mermaid flowchart: the stages that run, the menu, the forms and the fallback. */
public final class MermaidWriter {
  private MermaidWriter() {}

  public static String write(FlowDefinition flow) {
    StringBuilder out = new StringBuilder("flowchart TD\n");
    List<Stage> running = new ArrayList<>();
    for (Stage s : Stage.values()) {
      if (flow.runs(s)) {
        running.add(s);
        out.append("  ").append(s.name()).append("[\"").append(label(s)).append(limits(flow, s)).append("\"]\n");
      }
    }
    out.append("  FALLBACK([\"fallback: ").append(flow.fallback().id()).append("\"])\n");
    for (int i = 0; i + 1 < running.size(); i++) {
      out.append("  ").append(running.get(i).name()).append(" --> ").append(running.get(i + 1).name()).append('\n');
    }
    if (flow.runs(Stage.INTENT)) {
      for (Map.Entry<String, Department> e : flow.menu().entrySet()) {
        String node = "MENU_" + e.getValue().id().replace('-', '_');
        out.append("  INTENT -- \"key ").append(e.getKey()).append("\" --> ").append(node).append("([\"")
            .append(e.getValue().id()).append("\"])\n");
      }
    }
    if (flow.runs(Stage.INTENT)) {
      for (Map.Entry<String, dev.callcenter.ivr.MenuTransfer> e : flow.transfers().entrySet()) {
        String node = "TRANSFER_" + e.getKey().replace("*", "star").replace("#", "hash");
        out.append("  INTENT -- \"key ").append(e.getKey()).append("\" --> ").append(node).append("([\"transfer to ")
            .append(e.getValue().target()).append("\"])\n");
      }
    }
    List<Department> departments = new ArrayList<>(flow.forms().keySet());
    departments.sort(java.util.Comparator.comparing(Department::id));
    for (Department department : departments) {
      Map.Entry<Department, List<FormField>> form = Map.entry(department, flow.form(department));
      StringBuilder fields = new StringBuilder();
      for (FormField f : form.getValue()) {
        fields.append(fields.length() == 0 ? "" : ", ").append(f.name()).append(':')
            .append(f.type().name().toLowerCase(java.util.Locale.ROOT));
      }
      out.append("  DATA_COLLECTION -. \"").append(form.getKey().id()).append("\" .- FORM_")
          .append(form.getKey().id().replace('-', '_')).append("[/\"").append(fields).append("\"/]\n");
    }
    for (Stage s : running) {
      if (s != Stage.QUEUE && s != Stage.HANDOFF && s != Stage.GREETING) {
        out.append("  ").append(s.name()).append(" -. \"no input / retries used up\" .-> FALLBACK\n");
      }
    }
    out.append("  FALLBACK --> HANDOFF\n");
    return out.toString();
  }

  /**
   * What bounds a stage, as the state machine applies it: stages that ask a question time out and retry; GREETING
   * and HANDOFF ask nothing; a QUEUE timeout is not retried but goes on to HANDOFF.
   */
  private static String limits(FlowDefinition flow, Stage s) {
    long seconds = flow.settings(s).timeout().toSeconds();
    return switch (s) {
      case GREETING, HANDOFF -> "";
      case QUEUE -> " (callback offer " + seconds + "s, then handoff)";
      default -> " (" + seconds + "s, " + flow.settings(s).maxRetries() + " retries)";
    };
  }

  private static String label(Stage s) {
    String name = s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return (s.ordinal() + 1) + ". " + name;
  }
}
