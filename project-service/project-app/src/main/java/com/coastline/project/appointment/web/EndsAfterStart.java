package com.coastline.project.appointment.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A visit's window ends after it starts, and lasts at most {@value #MAX_DAYS} days (a longer one is a
 * typing error, not a visit). The problem names {@code endsAt}; missing instants are left to
 * {@code @NotNull}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EndsAfterStart.Validator.class)
@interface EndsAfterStart {

	int MAX_DAYS = 31;

	String message() default "must be after startsAt, at most " + MAX_DAYS + " days later";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<EndsAfterStart, TimedRequest> {

		@Override
		public boolean isValid(TimedRequest request, ConstraintValidatorContext context) {
			if (request == null || request.startsAt() == null || request.endsAt() == null) {
				return true;
			}
			Duration length = Duration.between(request.startsAt(), request.endsAt());
			if (length.isPositive() && length.compareTo(Duration.ofDays(MAX_DAYS)) <= 0) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("endsAt")
				.addConstraintViolation();
			return false;
		}
	}
}
