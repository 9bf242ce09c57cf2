package dev.callcenter.core.internal;

import dev.callcenter.core.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Jakarta Validation (Hibernate Validator) of request objects; violations become one {@link InvalidInputException}
 * naming every field. Uses the parameter interpolator so no Expression Language implementation is needed. Not
 * public API.
 */
public final class BeanValidation {
  private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
      .configure()
      .messageInterpolator(new ParameterMessageInterpolator())
      .buildValidatorFactory()
      .getValidator();

  private BeanValidation() {}

  public static <T> T validate(T request, String what) {
    Checks.notNull(request, what);
    Set<ConstraintViolation<T>> violations = VALIDATOR.validate(request);
    if (!violations.isEmpty()) {
      List<InvalidInputException.Violation> list = violations.stream()
          .map(v -> new InvalidInputException.Violation(v.getPropertyPath().toString(), v.getMessage()))
          .sorted(Comparator.comparing(InvalidInputException.Violation::field))
          .toList();
      throw InvalidInputException.of(list);
    }
    return request;
  }
}
