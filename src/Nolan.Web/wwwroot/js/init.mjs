// Starts GOV.UK Frontend's JavaScript. Pages work without it; it only enhances components.
// The import is relative so it also works under a path base (/js/ -> /govuk/).
// Loaded as <script type="module">, so browsers too old for GOV.UK Frontend never run it.
import { initAll } from '../govuk/govuk-frontend.min.js'

document.body.classList.add('govuk-frontend-supported')
initAll()
