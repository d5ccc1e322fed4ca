import { Banner } from './states.js';

/**
 * A form's problems that belong to no field shown: the API's message (`formError`) and the messages of
 * fields the form does not show (`others`, from unshownErrors), so none is silently lost.
 */
export function FormProblems({ formError, others }: { formError: string | null; others: readonly string[] }) {
  return (
    <>
      {formError ? <Banner kind="error">{formError}</Banner> : null}
      {others.length > 0 ? (
        <Banner kind="error">
          {others.map((message) => (
            <div key={message}>{message}</div>
          ))}
        </Banner>
      ) : null}
    </>
  );
}
