export const TEMPLATE_DB = 'asah_test_template';
/** Set by global-setup; inherited by the Jest workers. */
export const TEST_ENV_DB_URL = 'ASAH_TEST_SERVER_URL';
