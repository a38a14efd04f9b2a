/* ic-chart-links.c: the analysis's recurrences as the timeline's joins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-render"

#include "config.h"

#include "ic-chart-links.h"

/**
 * ic_chart_links_from_recurrences:
 * @recurrences: (element-type IcRecurrence): from ic_find_recurrences()
 *
 * Returns: (transfer full) (element-type IcChartLink): one join per
 *   recurrence, from the earlier report's date to the later one's
 */
GPtrArray *
ic_chart_links_from_recurrences (GPtrArray *recurrences)
{
  GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify)ic_chart_link_free);

  for (guint i = 0; recurrences != NULL && i < recurrences->len; i++)
    {
      IcRecurrence *recurrence = g_ptr_array_index (recurrences, i);
      const GDate *earlier = ic_report_get_sort_date (ic_recurrence_get_earlier (recurrence)->report);
      const GDate *later = ic_report_get_sort_date (ic_recurrence_get_later (recurrence)->report);

      if (earlier == NULL || later == NULL)
        continue;
      g_ptr_array_add (links, ic_chart_link_new (ic_recurrence_get_authority (recurrence),
                                                 ic_recurrence_get_theme (recurrence),
                                                 earlier, later));
    }

  return links;
}

/**
 * ic_chart_links_find:
 * @reports: a list model of #IcReport
 *
 * Returns: (transfer full) (element-type IcChartLink): the joins of the
 *   recurrences the analysis finds among @reports
 */
GPtrArray *
ic_chart_links_find (GListModel *reports)
{
  g_autoptr(GPtrArray) recurrences = ic_find_recurrences (reports);

  return ic_chart_links_from_recurrences (recurrences);
}
