package dev.callcenter.core;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request to add an agent; the id is generated when null. Skills map a skill name to a proficiency 1-5.
 */
public record NewAgent(
    @Nullable String id,
    @NotBlank @Size(max = 200) String name,
    @Nullable @Email @Size(max = 254) String email,
    @Nullable @Size(max = 32) String extension,
    @NotNull Department department,
    @NotNull Map<String, Integer> skills) {

  public static NewAgent of(String name, Department department, Map<String, Integer> skills) {
    return new NewAgent(null, name, null, null, department, skills);
  }
}
