// A passport MRZ (ICAO 9303 TD3) built in the test, with its check digits, for a person on a sample list.

const VALUES = (c: string) => (c === "<" ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);

export function checkDigit(field: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += VALUES(field[i]!) * weights[i % 3]!;
  return String(sum % 10);
}

const pad = (s: string, n: number) => (s + "<".repeat(n)).slice(0, n);

export function td3(p: {
  issuer: string;
  surname: string;
  givenNames: string;
  number: string;
  nationality: string;
  /** YYMMDD */
  birth: string;
  sex: "M" | "F" | "<";
  /** YYMMDD */
  expiry: string;
}): string {
  const name = `${p.surname.replace(/ /g, "<")}<<${p.givenNames.replace(/ /g, "<")}`;
  const line1 = pad(`P<${p.issuer}${name}`, 44);
  const number = pad(p.number, 9);
  const optional = pad("", 14);
  const composite =
    number +
    checkDigit(number) +
    p.birth +
    checkDigit(p.birth) +
    p.expiry +
    checkDigit(p.expiry) +
    optional +
    checkDigit(optional);
  const line2 =
    number +
    checkDigit(number) +
    p.nationality +
    p.birth +
    checkDigit(p.birth) +
    p.sex +
    p.expiry +
    checkDigit(p.expiry) +
    optional +
    checkDigit(optional) +
    checkDigit(composite);
  return `${line1}\n${line2}`;
}
