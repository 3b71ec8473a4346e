// A person's name as written, in any script: `dir="auto"` lets Arabic read right to left inside a
// left-to-right page, and <bdi> keeps it from reordering the text around it.
export function Name({
  children,
  className,
  testId,
}: {
  children: string;
  className?: string;
  testId?: string;
}) {
  return (
    <bdi dir="auto" className={className ? `name ${className}` : "name"} data-testid={testId}>
      {children}
    </bdi>
  );
}
