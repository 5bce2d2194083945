package com.coastline.identity.staff.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.coastline.identity.staff.EmailAddresses;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * One plain email address once normalised ({@link EmailAddresses}); blank values are left to
 * {@code @NotBlank}. The message says what is wrong: a line break (header injection), a list, a display name.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SingleEmailAddress.Validator.class)
public @interface SingleEmailAddress {

	String message() default "must be one email address, like name@example.com";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	final class Validator implements ConstraintValidator<SingleEmailAddress, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			return EmailAddresses.problem(value).map(problem -> {
				context.disableDefaultConstraintViolation();
				// The reasons are fixed texts of EmailAddresses, never the input, so they are safe as templates.
				context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
				return false;
			}).orElse(true);
		}
	}
}
