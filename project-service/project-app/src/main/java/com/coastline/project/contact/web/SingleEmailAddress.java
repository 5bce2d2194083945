package com.coastline.project.contact.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import com.coastline.project.contact.EmailAddresses;

/**
 * One plain email address once normalised ({@link EmailAddresses}); blank values are left to
 * {@code @NotBlank}. Refuses lists, display names and line breaks.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SingleEmailAddress.Validator.class)
public @interface SingleEmailAddress {

	String message() default "must be one email address, like name@example.com";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<SingleEmailAddress, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || EmailAddresses.isValid(EmailAddresses.normalise(value));
		}
	}
}
