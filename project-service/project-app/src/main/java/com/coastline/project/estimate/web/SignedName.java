package com.coastline.project.estimate.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import com.coastline.project.estimate.Signature;

/**
 * A typed full name used as signature: once stripped of surrounding white space (as {@link Signature}
 * stores it), 2 to 200 characters on one line, without control characters. Checked on the stripped
 * value itself, so that what passes here is exactly what the signature accepts.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SignedName.Validator.class)
@interface SignedName {

	String message() default "must be your full name, 2 to 200 characters on one line";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<SignedName, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			String name = value.strip();
			return name.length() >= Signature.MIN_NAME_LENGTH && name.length() <= Signature.MAX_NAME_LENGTH
					&& name.matches(Text.SINGLE_LINE);
		}
	}
}
