/**
 * Map entries that are not credentials whatever their key says, for the PHP, Python and Go
 * collectors: class maps and file maps (`'Google\\Api\\GetAccessTokenRequest' =>
 * 'google/api/token_pb.php'` in an autoloader, `{"token_handler": "handlers/token.py"}`).
 * A credential's key is a name, not a qualified class name or a path; a credential's value
 * is not a relative source-file path.
 */
const QUALIFIED_KEY = /[\\/]/;
const SOURCE_PATH = /^(?:\.{0,2}\/)?(?:[\w.-]+\/)+[\w.-]+\.(?:php|phtml|inc|py|pyc|go|js|mjs|ts|java|cs|json|ya?ml|xml|html?|twig|tpl|txt|md|css|scss|png|jpe?g|svg|ico)$/i;

export function notACredentialPair(key: string, value: string): boolean {
  return QUALIFIED_KEY.test(key) || SOURCE_PATH.test(value);
}
