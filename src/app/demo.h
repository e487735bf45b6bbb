/* Private to demo.c and tour.c: the state of a demo session. */
#ifndef TAPIAN_APP_DEMO_H
#define TAPIAN_APP_DEMO_H
#include <stdbool.h>

struct demo {
    char dir[256];       /* the mkdtemp directory */
    char db_path[300];   /* dir/demo.db */
    const char *screens_dir;
    int step;            /* the tour's step shown */
    bool paused;         /* the panel is hidden until F7 or F11 */
};

#endif
