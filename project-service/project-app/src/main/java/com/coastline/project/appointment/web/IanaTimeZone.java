package com.coastline.project.appointment.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import com.coastline.project.appointment.AppointmentWindow;

/**
 * A region id of the IANA time zone database, like {@code America/Denver}; null and empty are left to
 * {@code @NotBlank}.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IanaTimeZone.Validator.class)
@interface IanaTimeZone {

	String message() default "must be an IANA time zone, like America/Denver";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<IanaTimeZone, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isEmpty() || AppointmentWindow.isTimeZone(value);
		}
	}
}
