import { ValidationOptions, registerDecorator } from 'class-validator';

/**
 * A finite JSON number with at most `places` decimals. Replaces @IsNumber({ maxDecimalPlaces }), whose check
 * splits the number's text at "." and throws (→ 500) on exponent notation such as 1e-7.
 */
export function IsDecimal(places: number, options: ValidationOptions): PropertyDecorator {
  const scale = 10 ** places;
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDecimal',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          Math.abs(value * scale - Math.round(value * scale)) < 1e-6 * Math.max(1, Math.abs(value * scale)),
      },
    });
}
